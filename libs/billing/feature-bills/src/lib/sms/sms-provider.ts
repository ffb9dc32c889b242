export interface OutgoingSms {
  /** E.164. */
  to: string;
  body: string;
  /** Our id of the message (the queue row). */
  reference: string;
}

export interface SmsAccepted {
  providerMessageId: string;
  /** The provider's first status, e.g. `queued`. */
  deliveryStatus: string;
}

/** A provider refused or failed to take a message; `transient` ones are retried with backoff. */
export class SmsProviderError extends Error {
  constructor(
    message: string,
    readonly transient: boolean,
  ) {
    super(message);
    this.name = 'SmsProviderError';
  }
}

/** Where SMS go: the development inbox, or a real SMS API. */
export abstract class SmsProvider {
  abstract readonly name: string;
  /** Resolves once the provider accepted the message; throws SmsProviderError otherwise. */
  abstract send(sms: OutgoingSms): Promise<SmsAccepted>;
}
