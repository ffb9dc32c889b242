import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthorizationEntity, AuthorizationRepository, SaleEntity } from '@kessai/processor-data-access';
import { ProcessorException } from '@kessai/processor-domain';

@Injectable()
export class CancelAuthorizationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly authorizations: AuthorizationRepository,
  ) {}

  /** 取消: releases an approved authorization not yet captured. Cancelling twice answers the same. */
  async execute(merchantId: string, authorizationId: string): Promise<AuthorizationEntity> {
    const authorization = await this.authorizations.find(authorizationId);
    if (!authorization || authorization.merchantId !== merchantId) {
      throw new ProcessorException('PROCESSOR_AUTHORIZATION_NOT_FOUND', `The merchant has no authorization ${authorizationId}`, 'authorizationId');
    }
    if (authorization.status === 'canceled') return authorization;
    const sales = this.dataSource.getMetadata(SaleEntity).tablePath;
    const result = await this.dataSource
      .createQueryBuilder()
      .update(AuthorizationEntity)
      .set({ status: 'canceled' })
      .where(`id = :id AND status = 'approved' AND NOT EXISTS (SELECT 1 FROM ${sales} s WHERE s.authorization_id = :id)`, { id: authorizationId })
      .execute();
    if (result.affected !== 1) {
      throw new ProcessorException(
        'PROCESSOR_AUTHORIZATION_NOT_ALLOWED',
        `Only an approved authorization that is not captured can be cancelled (this one is ${authorization.status}${authorization.status === 'approved' ? ' and captured: refund the sale instead' : ''})`,
        'authorizationId',
      );
    }
    return { ...authorization, status: 'canceled' };
  }
}
