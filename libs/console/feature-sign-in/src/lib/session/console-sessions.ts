import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { ConsoleSessionRepository, ConsoleUserEntity } from '@kessai/console-data-access';
import { Clock } from '@kessai/shared-clock';
import { CONSOLE_BASE_PATH, CONSOLE_OPTIONS, ConsoleOptions } from '../console.options';
import { ConsoleUserView } from './console-access';

export const SESSION_COOKIE = 'ks_console_session';

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function toUserView(user: ConsoleUserEntity): ConsoleUserView {
  return { id: user.id, merchantId: user.merchantId, email: user.email, displayName: user.displayName, role: user.role, totpEnabled: user.totpEnabledAt !== null, passwordChangeRequired: user.passwordChangeRequired };
}

/** Server-side sessions in PostgreSQL; the browser holds a random 256-bit token in an HttpOnly cookie. */
@Injectable()
export class ConsoleSessions {
  constructor(
    private readonly sessions: ConsoleSessionRepository,
    private readonly clock: Clock,
    @Inject(CONSOLE_OPTIONS) private readonly options: ConsoleOptions,
  ) {}

  get secureCookies(): boolean {
    return this.options.secureCookies || this.options.publicUrl.startsWith('https:');
  }

  /** A new session (a new token every sign-in, so a token planted before it is worth nothing). */
  async start(request: Request, response: Response, user: ConsoleUserEntity, secondFactorPending: boolean): Promise<void> {
    await this.end(request, response);
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.sessions.insert({
      tokenHash: hashSessionToken(token),
      userId: user.id,
      merchantId: user.merchantId,
      secondFactorPending,
      csrfSecret: randomBytes(16).toString('base64url'),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.options.sessionMaxMs),
    });
    response.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: this.secureCookies, path: CONSOLE_BASE_PATH, maxAge: this.options.sessionMaxMs });
  }

  async load(request: Request) {
    const token = request.cookies?.[SESSION_COOKIE];
    if (typeof token !== 'string' || token.length < 20) return null;
    const tokenHash = hashSessionToken(token);
    const found = await this.sessions.findLive(tokenHash, this.clock.now(), this.options.sessionIdleMs);
    if (!found) return null;
    // Touch at most once a minute: a page of polling requests should not write a row each time.
    if (this.clock.now().getTime() - found.session.lastSeenAt.getTime() > 60_000) await this.sessions.touch(tokenHash, this.clock.now());
    return { tokenHash, ...found };
  }

  async completeSecondFactor(tokenHash: string): Promise<void> {
    await this.sessions.completeSecondFactor(tokenHash);
  }

  async end(request: Request, response: Response): Promise<void> {
    const token = request.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string' && token.length >= 20) await this.sessions.delete(hashSessionToken(token));
    response.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: this.secureCookies, path: CONSOLE_BASE_PATH });
  }
}
