import { request } from 'undici';
import { OutgoingSms, SmsAccepted, SmsProvider, SmsProviderError } from './sms-provider';

export interface TwilioOptions {
  /** `https://api.twilio.com` (a stub in tests). */
  apiUrl: string;
  accountSid: string;
  authToken: string;
  /** Sender: an alphanumeric sender id, a number, or a Messaging Service SID (`MG…`). */
  from: string;
  /** Where Twilio posts delivery reports; empty: none. */
  statusCallbackUrl: string;
  timeoutMs: number;
}

// Twilio answers 429 when over its rate and 5xx when it is in trouble: both are worth retrying.
const TRANSIENT_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** Twilio Programmable Messaging: POST /2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded, basic auth. */
export class TwilioSmsProvider extends SmsProvider {
  readonly name = 'twilio';

  constructor(private readonly options: TwilioOptions) {
    super();
  }

  async send(sms: OutgoingSms): Promise<SmsAccepted> {
    const form = new URLSearchParams({ To: sms.to, Body: sms.body });
    if (this.options.from.startsWith('MG')) form.set('MessagingServiceSid', this.options.from);
    else form.set('From', this.options.from);
    if (this.options.statusCallbackUrl) form.set('StatusCallback', this.options.statusCallbackUrl);
    const url = `${this.options.apiUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(this.options.accountSid)}/Messages.json`;
    let response;
    try {
      response = await request(url, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${this.options.accountSid}:${this.options.authToken}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form.toString(),
        headersTimeout: this.options.timeoutMs,
        bodyTimeout: this.options.timeoutMs,
      });
    } catch (error) {
      throw new SmsProviderError(`twilio unreachable: ${(error as Error).message}`, true);
    }
    const text = await response.body.text();
    let body: { sid?: string; status?: string; code?: number; message?: string } = {};
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON (a proxy's error page): the status code decides.
    }
    if (response.statusCode === 201 || response.statusCode === 200) {
      if (!body.sid) throw new SmsProviderError('twilio accepted the message without a sid', true);
      return { providerMessageId: body.sid, deliveryStatus: body.status ?? 'queued' };
    }
    const reason = `twilio HTTP ${response.statusCode}${body.code ? ` code ${body.code}` : ''}: ${body.message ?? text.slice(0, 200)}`;
    throw new SmsProviderError(reason, TRANSIENT_STATUS.has(response.statusCode));
  }
}
