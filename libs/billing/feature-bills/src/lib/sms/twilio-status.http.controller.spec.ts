import { twilioSignature } from './twilio-status.http.controller';

describe('twilioSignature', () => {
  // The example from Twilio's "Webhooks security" documentation.
  it('matches the signature Twilio documents for its example request', () => {
    const params = { CallSid: 'CA1234567890ABCDE', Caller: '+12349013030', Digits: '1234', From: '+12349013030', To: '+18005551212' };
    expect(twilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
  });
});
