import { Inject, Injectable } from '@nestjs/common';
import { ConsoleUserEntity, ConsoleUserRepository } from '@kessai/console-data-access';
import { afterFailedSignIn, afterSuccessfulSignIn, isLocked, UNKNOWN_USER_HASH, verifyPassword } from '@kessai/console-domain';
import { Clock } from '@kessai/shared-clock';
import { CONSOLE_OPTIONS, ConsoleOptions } from '../../console.options';

export interface SignInCommand {
  merchantId: string;
  email: string;
  password: string;
}

export type SignInResult =
  | { outcome: 'signed-in'; user: ConsoleUserEntity; secondFactorRequired: boolean }
  | { outcome: 'refused' }
  | { outcome: 'locked'; lockedUntil: Date };

/**
 * Checks a password. An unknown e-mail costs the same scrypt as a wrong password and gets the same answer; a
 * locked account is refused before and after the check (a correct password does not open it); the failure that
 * reaches the limit locks the account (counted under a row lock, so parallel guesses cannot pass the limit).
 */
@Injectable()
export class SignInHandler {
  constructor(
    private readonly users: ConsoleUserRepository,
    private readonly clock: Clock,
    @Inject(CONSOLE_OPTIONS) private readonly options: ConsoleOptions,
  ) {}

  async execute(command: SignInCommand): Promise<SignInResult> {
    const user = await this.users.findByEmail(command.merchantId, command.email);
    if (!user) {
      await verifyPassword(command.password, UNKNOWN_USER_HASH);
      return { outcome: 'refused' };
    }
    if (user.lockedUntil && isLocked(user, this.clock.now())) return { outcome: 'locked', lockedUntil: user.lockedUntil };
    const correct = await verifyPassword(command.password, user.passwordHash);
    return this.users.withLockedUser(user.id, (current) => {
      const now = this.clock.now();
      if (current.lockedUntil && isLocked(current, now)) return { changes: {}, result: { outcome: 'locked', lockedUntil: current.lockedUntil } as SignInResult };
      if (!correct) return this.failure(current, now);
      const secondFactorRequired = current.totpEnabledAt !== null;
      // With a second factor, the failure count is reset only once the code is right too.
      const changes = secondFactorRequired ? {} : { ...afterSuccessfulSignIn(), lastSignInAt: now };
      return { changes, result: { outcome: 'signed-in', user: current, secondFactorRequired } as SignInResult };
    });
  }

  /** A failure of either factor, counted toward the lockout. */
  failure(user: ConsoleUserEntity, now: Date): { changes: Partial<ConsoleUserEntity>; result: SignInResult } {
    const next = afterFailedSignIn(user, now, this.options.lockout);
    return {
      changes: next,
      result: next.lockedUntil && isLocked(next, now) ? { outcome: 'locked', lockedUntil: next.lockedUntil } : { outcome: 'refused' },
    };
  }
}
