/** Who may do what in the console. Read-only users see everything but change nothing. */
export const CONSOLE_ROLES = ['admin', 'operator', 'read-only'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

/** Every action a screen can take; each request names the one it performs and is checked against the role. */
export type ConsoleAction =
  | 'view'
  | 'bills.cancel'
  | 'bills.resend'
  | 'bills.upload'
  | 'recurring.upload'
  | 'webhooks.replay'
  | 'webhooks.configure'
  | 'api-keys.manage'
  | 'users.manage'
  /** Choosing one's own new password: the only thing a temporary (reset) password allows. */
  | 'password.change';

const PERMISSIONS: Record<ConsoleRole, ReadonlySet<ConsoleAction>> = {
  admin: new Set<ConsoleAction>([
    'view',
    'password.change',
    'bills.cancel',
    'bills.resend',
    'bills.upload',
    'recurring.upload',
    'webhooks.replay',
    'webhooks.configure',
    'api-keys.manage',
    'users.manage',
  ]),
  // Operators run the day's work (bills, uploads, replays) but hold no credentials and manage no users.
  operator: new Set<ConsoleAction>(['view', 'password.change', 'bills.cancel', 'bills.resend', 'bills.upload', 'recurring.upload', 'webhooks.replay']),
  'read-only': new Set<ConsoleAction>(['view', 'password.change']),
};

export function isConsoleRole(value: unknown): value is ConsoleRole {
  return typeof value === 'string' && (CONSOLE_ROLES as readonly string[]).includes(value);
}

export function canPerform(role: ConsoleRole, action: ConsoleAction): boolean {
  return PERMISSIONS[role].has(action);
}
