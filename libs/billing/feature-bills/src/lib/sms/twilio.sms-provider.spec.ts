import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { SmsProviderError } from './sms-provider';
import { TwilioSmsProvider } from './twilio.sms-provider';

/** A local stand-in for api.twilio.com that records each request and answers what the test says. */
describe('TwilioSmsProvider against a local Twilio stub', () => {
  const sid = `AC${'0123456789abcdef'.repeat(2)}`;
  let server: Server;
  let received: { method?: string; url?: string; headers: IncomingMessage['headers']; body: string }[];
  let answer: { status: number; body: unknown };
  let provider: TwilioSmsProvider;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ method: req.method, url: req.url, headers: req.headers, body });
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    provider = new TwilioSmsProvider({
      apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      accountSid: sid,
      authToken: 'secret-token',
      from: '+815012345678',
      statusCallbackUrl: 'https://billing.kessai.jp/sms/status/twilio',
      timeoutMs: 2000,
    });
  });

  beforeEach(() => {
    received = [];
    answer = { status: 201, body: { sid: 'SM0001', status: 'queued' } };
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('posts the Messages API form with basic auth and returns the message sid', async () => {
    const body = 'ご請求¥3,300 期限12/10 https://pay.kessai.jp/p/AAAAAAAAAAAAAAAAAAAAAA';
    const accepted = await provider.send({ to: '+819012345678', body, reference: 'sms-1' });
    expect(accepted).toEqual({ providerMessageId: 'SM0001', deliveryStatus: 'queued' });
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`/2010-04-01/Accounts/${sid}/Messages.json`);
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from(`${sid}:secret-token`).toString('base64')}`);
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      To: '+819012345678',
      From: '+815012345678',
      Body: body,
      StatusCallback: 'https://billing.kessai.jp/sms/status/twilio',
    });
  });

  it('sends through a Messaging Service when the sender is an MG sid', async () => {
    const viaService = new TwilioSmsProvider({ ...(provider as unknown as { options: ConstructorParameters<typeof TwilioSmsProvider>[0] }).options, from: 'MG123', statusCallbackUrl: '' });
    await viaService.send({ to: '+819012345678', body: 'x', reference: 'sms-2' });
    expect(Object.fromEntries(new URLSearchParams(received[0].body))).toEqual({ To: '+819012345678', MessagingServiceSid: 'MG123', Body: 'x' });
  });

  it('calls 429 and 503 transient, to be retried', async () => {
    for (const status of [429, 503]) {
      answer = { status, body: { code: 20429, message: 'Too Many Requests' } };
      await expect(provider.send({ to: '+819012345678', body: 'x', reference: 'r' })).rejects.toMatchObject({ transient: true });
    }
  });

  it('calls an invalid number permanent, with Twilio\'s code in the reason', async () => {
    answer = { status: 400, body: { code: 21211, message: "The 'To' number is not a valid phone number." } };
    const error = await provider.send({ to: '+819012345678', body: 'x', reference: 'r' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsProviderError);
    expect(error).toMatchObject({ transient: false, message: expect.stringContaining('code 21211') });
  });

  it('calls an unreachable API transient', async () => {
    const offline = new TwilioSmsProvider({ apiUrl: 'http://127.0.0.1:1', accountSid: sid, authToken: 't', from: 'Kessai', statusCallbackUrl: '', timeoutMs: 500 });
    await expect(offline.send({ to: '+819012345678', body: 'x', reference: 'r' })).rejects.toMatchObject({ transient: true });
  });
});
