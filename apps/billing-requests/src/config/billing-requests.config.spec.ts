import { ConfigurationError } from '@kessai/shared-config';
import { loadBillingRequestsConfig } from './billing-requests.config';

describe('billing-requests configuration', () => {
  const fails = (env: Record<string, string>) => {
    try {
      loadBillingRequestsConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      return (error as Error).message;
    }
    throw new Error('expected the configuration to be refused');
  };

  it('refuses the development SMS inbox in production', () => {
    expect(fails({ NODE_ENV: 'production', SMS_PROVIDER: 'dev-inbox' })).toContain('SMS_PROVIDER');
  });

  it('asks for the Twilio account when SMS go through Twilio, without echoing the token', () => {
    const message = fails({ SMS_PROVIDER: 'twilio', TWILIO_AUTH_TOKEN: 'do-not-print-me' });
    expect(message).toContain('TWILIO_ACCOUNT_SID');
    expect(message).toContain('TWILIO_FROM');
    expect(message).not.toContain('do-not-print-me');
  });

  it('refuses a sending window that closes before it opens', () => {
    expect(fails({ SMS_WINDOW_START_HOUR: '20', SMS_WINDOW_END_HOUR: '9' })).toContain('SMS_WINDOW_END_HOUR');
  });

  it('builds the Twilio options from valid settings', () => {
    const config = loadBillingRequestsConfig({
      SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'token',
      TWILIO_FROM: 'Kessai',
    });
    expect(config.billingOptions.sms.twilio).toMatchObject({ apiUrl: 'https://api.twilio.com', from: 'Kessai' });
  });
});
