import { Injectable } from '@nestjs/common';
import { DataSource, LessThan, Repository } from 'typeorm';
import { ConsoleSessionEntity } from './console-session.entity';
import { ConsoleUserEntity } from './console-user.entity';

@Injectable()
export class ConsoleSessionRepository {
  private readonly sessions: Repository<ConsoleSessionEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.sessions = dataSource.getRepository(ConsoleSessionEntity);
  }

  async insert(session: ConsoleSessionEntity): Promise<void> {
    await this.sessions.insert(session);
  }

  /** The live session of a token with its user (read each time: a role change applies at the next request). */
  async findLive(tokenHash: string, now: Date, idleMs: number): Promise<{ session: ConsoleSessionEntity; user: ConsoleUserEntity } | null> {
    const session = await this.sessions.findOneBy({ tokenHash });
    if (!session) return null;
    if (session.expiresAt <= now || session.lastSeenAt.getTime() + idleMs <= now.getTime()) {
      await this.sessions.delete({ tokenHash });
      return null;
    }
    const user = await this.dataSource.getRepository(ConsoleUserEntity).findOneBy({ id: session.userId });
    if (!user) return null;
    return { session, user };
  }

  async touch(tokenHash: string, now: Date): Promise<void> {
    await this.sessions.update({ tokenHash }, { lastSeenAt: now });
  }

  async completeSecondFactor(tokenHash: string): Promise<void> {
    await this.sessions.update({ tokenHash }, { secondFactorPending: false });
  }

  async delete(tokenHash: string): Promise<void> {
    await this.sessions.delete({ tokenHash });
  }

  async deleteOfUser(userId: string): Promise<void> {
    await this.sessions.delete({ userId });
  }

  async deleteExpired(now: Date): Promise<number> {
    return (await this.sessions.delete({ expiresAt: LessThan(now) })).affected ?? 0;
  }
}
