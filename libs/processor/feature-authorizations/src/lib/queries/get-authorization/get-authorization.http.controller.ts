import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import type { AuthorizationResponse } from '@kessai/processor-contracts';
import { AuthorizationRepository } from '@kessai/processor-data-access';
import { ProcessorException } from '@kessai/processor-domain';
import { AUTHORIZATION_OPTIONS, AuthorizationOptions } from '../../authorization.options';
import { toAuthorizationResponse } from '../../http/authorization.response';

@Controller('v1/authorizations')
export class GetAuthorizationHttpController {
  constructor(
    private readonly authorizations: AuthorizationRepository,
    @Inject(AUTHORIZATION_OPTIONS) private readonly options: AuthorizationOptions,
  ) {}

  /** How the platform learns the outcome of a 3-D Secure challenge (besides the webhook). */
  @Get(':authorizationId')
  async get(@Param('authorizationId', new ParseUUIDPipe()) authorizationId: string): Promise<AuthorizationResponse> {
    const authorization = await this.authorizations.find(authorizationId);
    if (!authorization) throw new ProcessorException('PROCESSOR_AUTHORIZATION_NOT_FOUND', `No authorization ${authorizationId}`, 'authorizationId');
    return toAuthorizationResponse(authorization, this.options.publicUrl);
  }
}
