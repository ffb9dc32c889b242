import type { LockoutPolicy } from '@kessai/console-domain';

export const CONSOLE_OPTIONS = Symbol('CONSOLE_OPTIONS');

export interface ConsoleOptions {
  /** The origin people reach the console at (through the gateway); https → Secure cookies. */
  publicUrl: string;
  /** Secure cookies even on http (production behind a TLS-terminating load balancer). */
  secureCookies: boolean;
  csrfSecret: string;
  sessionIdleMs: number;
  sessionMaxMs: number;
  lockout: LockoutPolicy;
}

/** Every console page lives under this path: the gateway passes `/console` through to this service. */
export const CONSOLE_BASE_PATH = '/console';
