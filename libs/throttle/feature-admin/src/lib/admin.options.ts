export const ADMIN_OPTIONS = Symbol('ADMIN_OPTIONS');

export interface AdminOptions {
  /** ADMIN_TOKEN; empty disables the admin API. */
  token: string;
}
