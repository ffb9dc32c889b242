import { Injectable } from '@nestjs/common';
import { DataSource, Repository } from 'typeorm';
import { ConsoleSessionEntity } from './console-session.entity';
import { ConsoleUserEntity } from './console-user.entity';

@Injectable()
export class ConsoleUserRepository {
  private readonly users: Repository<ConsoleUserEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.users = dataSource.getRepository(ConsoleUserEntity);
  }

  findByEmail(merchantId: string, email: string): Promise<ConsoleUserEntity | null> {
    return this.users.findOneBy({ merchantId, email: email.trim().toLowerCase() });
  }

  findOfMerchant(merchantId: string, id: string): Promise<ConsoleUserEntity | null> {
    return this.users.findOneBy({ merchantId, id });
  }

  listOfMerchant(merchantId: string): Promise<ConsoleUserEntity[]> {
    return this.users.find({ where: { merchantId }, order: { createdAt: 'ASC' } });
  }

  /** Inserts the user; false when the merchant has a user with this e-mail already. */
  async insert(user: ConsoleUserEntity): Promise<boolean> {
    const result = await this.users.createQueryBuilder().insert().values(user).orIgnore().returning('id').execute();
    return (result.raw as unknown[]).length > 0;
  }

  /**
   * Runs `decide` on the user's row locked FOR UPDATE and saves what it returns, so parallel sign-ins of one
   * account are counted one after the other and none slips past the lockout.
   */
  async withLockedUser<T>(id: string, decide: (user: ConsoleUserEntity) => { changes: Partial<ConsoleUserEntity>; result: T }): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.getRepository(ConsoleUserEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new Error(`console user ${id} disappeared`);
      const { changes, result } = decide(user);
      if (Object.keys(changes).length > 0) await manager.getRepository(ConsoleUserEntity).update({ id }, changes);
      return result;
    });
  }

  async saveTotpSecret(id: string, secret: string | null, enabledAt: Date | null): Promise<void> {
    await this.users.update({ id }, { totpSecret: secret, totpEnabledAt: enabledAt });
  }

  /**
   * Changes a user of the merchant under a lock on all its admins, so two admins demoting or removing each other
   * at once cannot leave the merchant without one. `change` sees the user and how many admins there are; null
   * when the merchant has no such user.
   */
  async changeOfMerchant(
    merchantId: string,
    id: string,
    change: (user: ConsoleUserEntity, admins: number) => { update: Partial<ConsoleUserEntity> } | { remove: true },
    endSessions = false,
  ): Promise<ConsoleUserEntity | null> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ConsoleUserEntity);
      const admins = await repository.find({ where: { merchantId, role: 'admin' }, lock: { mode: 'pessimistic_write' } });
      const user = await repository.findOne({ where: { merchantId, id }, lock: { mode: 'pessimistic_write' } });
      if (!user) return null;
      const decided = change(user, admins.length);
      // Sessions go with the user (ON DELETE CASCADE).
      if ('remove' in decided) await repository.delete({ merchantId, id });
      else await repository.update({ merchantId, id }, decided.update);
      if (endSessions) await manager.getRepository(ConsoleSessionEntity).delete({ userId: id });
      return user;
    });
  }
}
