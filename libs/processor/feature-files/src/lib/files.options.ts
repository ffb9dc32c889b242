export const FILES_OPTIONS = Symbol('FILES_OPTIONS');

export interface FilesOptions {
  /** Merchant id → floor limit in minor units, for merchants allowed sales without authorization. */
  floorLimits: Map<string, number>;
  /** Verifies the signature of uploaded files. */
  signingSecret: string;
  publicUrl: string;
}
