import { Injectable } from '@nestjs/common';
import { Secret } from 'otpauth';
import { ConsoleUserRepository } from '@kessai/console-data-access';
import { ConsoleException } from '@kessai/console-domain';
import { Clock } from '@kessai/shared-clock';
import { totpFor } from '../verify-second-factor/verify-second-factor.handler';

/**
 * Two-step verification for the signed-in user: a secret is proposed (kept, not yet required), and turned on
 * only when a code from the person's app matches it, so nobody locks themselves out with a mistyped key.
 */
@Injectable()
export class EnableSecondFactorHandler {
  constructor(
    private readonly users: ConsoleUserRepository,
    private readonly clock: Clock,
  ) {}

  /** The pending secret of the user (a new one unless one is pending already) and its otpauth:// URI. */
  async propose(merchantId: string, userId: string): Promise<{ secret: string; uri: string } | null> {
    const user = await this.users.findOfMerchant(merchantId, userId);
    if (!user || user.totpEnabledAt) return null;
    const secret = user.totpSecret ?? new Secret({ size: 20 }).base32;
    if (!user.totpSecret) await this.users.saveTotpSecret(user.id, secret, null);
    return { secret, uri: totpFor(secret, `${user.merchantId}:${user.email}`).toString() };
  }

  async confirm(merchantId: string, userId: string, code: string): Promise<void> {
    const user = await this.users.findOfMerchant(merchantId, userId);
    if (!user?.totpSecret || user.totpEnabledAt) throw new ConsoleException('CONSOLE_SECOND_FACTOR_INVALID', 'Start the set-up again');
    const delta = /^\d{6}$/.test(code) ? totpFor(user.totpSecret).validate({ token: code, timestamp: this.clock.now().getTime(), window: 1 }) : null;
    if (delta === null) throw new ConsoleException('CONSOLE_SECOND_FACTOR_INVALID', 'The code does not match: check the key and the phone clock', 'code');
    await this.users.saveTotpSecret(user.id, user.totpSecret, this.clock.now());
  }
}
