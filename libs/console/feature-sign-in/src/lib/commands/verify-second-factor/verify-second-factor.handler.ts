import { Injectable } from '@nestjs/common';
import { Secret, TOTP } from 'otpauth';
import { ConsoleUserRepository } from '@kessai/console-data-access';
import { afterSuccessfulSignIn, isLocked } from '@kessai/console-domain';
import { Clock } from '@kessai/shared-clock';
import { SignInHandler, SignInResult } from '../sign-in/sign-in.handler';

const PERIOD_SECONDS = 30;

export function totpFor(secretBase32: string, label = 'Kessai console'): TOTP {
  return new TOTP({ issuer: 'Kessai', label, algorithm: 'SHA1', digits: 6, period: PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

/**
 * Checks the TOTP code (RFC 6238, ±1 step for clock drift) of a session that passed its password. A code is
 * accepted once (the step is recorded), and wrong codes count toward the same lockout as wrong passwords.
 */
@Injectable()
export class VerifySecondFactorHandler {
  constructor(
    private readonly users: ConsoleUserRepository,
    private readonly signIn: SignInHandler,
    private readonly clock: Clock,
  ) {}

  async execute(userId: string, code: string): Promise<SignInResult> {
    return this.users.withLockedUser(userId, (user) => {
      const now = this.clock.now();
      if (user.lockedUntil && isLocked(user, now)) return { changes: {}, result: { outcome: 'locked', lockedUntil: user.lockedUntil } as SignInResult };
      if (!user.totpSecret) return this.signIn.failure(user, now);
      const delta = /^\d{6}$/.test(code) ? totpFor(user.totpSecret).validate({ token: code, timestamp: now.getTime(), window: 1 }) : null;
      const step = delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
      if (step === null || (user.totpLastStep !== null && Number(user.totpLastStep) >= step)) return this.signIn.failure(user, now);
      return { changes: { ...afterSuccessfulSignIn(), lastSignInAt: now, totpLastStep: String(step) }, result: { outcome: 'signed-in', user, secondFactorRequired: false } as SignInResult };
    });
  }
}
