export const NOTIFICATIONS_OPTIONS = Symbol('NOTIFICATIONS_OPTIONS');

export interface NotificationsOptions {
  /** The platform's webhook receiver; empty = webhooks stay pending. */
  webhookUrl: string;
  signingSecret: string;
  pollIntervalMs: number;
  retryInitialMs: number;
  retryMaxMs: number;
}
