/** Where the shops' SFTP inboxes and outboxes are, and how often they are read. */
export interface SftpIntakeOptions {
  host: string;
  port: number;
  username: string;
  /** The engine's private key (OpenSSH format); a secret, never logged. */
  privateKey: string;
  /** The host key fingerprint the server must present (`SHA256:...`), so no one can pose as the server. */
  hostKeySha256: string;
  /** Directory holding one directory per shop: `<root>/<shopId>/{inbox,processing,done,outbox}`. */
  root: string;
  pollIntervalMs: number;
}

/** Intake settings from the service's validated configuration. */
export interface IntakeOptions {
  /** Base URL of the processor's API (single authorizations of API charges). */
  processorUrl: string;
  /** Off when the engine has no SFTP server configured. */
  sftp: SftpIntakeOptions | null;
}

export const INTAKE_OPTIONS = Symbol('INTAKE_OPTIONS');
