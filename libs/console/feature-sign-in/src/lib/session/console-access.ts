import type { Request } from 'express';
import type { ConsoleAction, ConsoleRole } from '@kessai/console-domain';

/** The signed-in person a console request acts for. */
export interface ConsoleUserView {
  id: string;
  merchantId: string;
  email: string;
  displayName: string;
  role: ConsoleRole;
  totpEnabled: boolean;
  /** The password is a temporary one an admin set: nothing but choosing a new one is allowed. */
  passwordChangeRequired: boolean;
}

export interface ConsoleAccess {
  /** Null on the public pages (sign-in) when nobody is signed in. */
  user: ConsoleUserView | null;
  /** SHA-256 of the session cookie, null without a session. */
  sessionHash: string | null;
  /** True while the session waits for its TOTP code. */
  secondFactorPending: boolean;
  csrfToken: string;
  /** The action the route declared (checked against the role before the handler ran). */
  action: ConsoleAction | 'public';
}

export type ConsoleRequest = Request & { consoleAccess?: ConsoleAccess };

export function accessOf(request: Request): ConsoleAccess {
  const access = (request as ConsoleRequest).consoleAccess;
  if (!access) throw new Error('console route without ConsoleAccessGuard');
  return access;
}

/** The signed-in user of a protected route (the guard has made sure there is one). */
export function signedInUser(request: Request): ConsoleUserView {
  const user = accessOf(request).user;
  if (!user) throw new Error('protected console route reached without a user');
  return user;
}
