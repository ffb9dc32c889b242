import { randomUUID } from 'node:crypto';
import { TEST_CARDS } from '@kessai/processor-domain';
import { freePort, ServiceProcess, TestNamespace } from '@kessai/shared-testing';
import { ProcessorClient } from './support/processor-client';

describe('processor-sim card tokenization and authorization', () => {
  const namespace = new TestNamespace('processor-authorizations');
  let service: ServiceProcess;
  let processor: ProcessorClient;

  beforeAll(async () => {
    service = new ServiceProcess(
      'processor-sim',
      await freePort(),
      namespace.serviceEnvironment('processor', { LOG_LEVEL: 'trace', PROCESSOR_TIMEOUT_AFTER_MS: '300' }),
    ).start();
    await service.waitUntilReady();
    processor = new ProcessorClient(service.baseUrl);
  });

  afterAll(async () => {
    await service.stop('SIGKILL');
    await namespace.cleanUp();
  });

  it('serves the browser tokenization script to any origin', async () => {
    const response = await fetch(`${service.baseUrl}/v1/tokenize.js`);
    expect(response.headers.get('content-type')).toContain('application/javascript');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.text()).toContain('KessaiProcessor');
    const preflight = await fetch(`${service.baseUrl}/v1/tokens`, { method: 'OPTIONS', headers: { origin: 'https://shop.example' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('turns a token into a card reference once, with brand and last four digits only', async () => {
    const token = (await (await processor.post('/v1/tokens', { number: '5555 5555 5555 4444', expMonth: 3, expYear: 2032, securityCode: '987' })).json()) as {
      token: string;
      brand: string;
      last4: string;
    };
    expect(token).toMatchObject({ brand: 'mastercard', last4: '4444' });
    const card = await processor.post('/v1/cards', { token: token.token, merchantId: 'm-cards' });
    expect(card.status).toBe(201);
    expect(await card.json()).toMatchObject({ merchantId: 'm-cards', brand: 'mastercard', last4: '4444', expMonth: 3, expYear: 2032, status: 'active' });
    const again = await processor.post('/v1/cards', { token: token.token, merchantId: 'm-cards' });
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({ error: { code: 'PROCESSOR_TOKEN_EXPIRED', field: 'token' } });
  });

  it.each([
    [{ number: '4111111111111112', expMonth: 12, expYear: 2031, securityCode: '123' }, 'PROCESSOR_CARD_NUMBER_INVALID', 'number'],
    [{ number: '4111111111111111', expMonth: 1, expYear: 2020, securityCode: '123' }, 'PROCESSOR_CARD_EXPIRED', 'expYear'],
    [{ number: '378282246310005', expMonth: 1, expYear: 2031, securityCode: '123' }, 'PROCESSOR_SECURITY_CODE_INVALID', 'securityCode'],
    [{ number: '4111111111111111', expMonth: 13, expYear: 2031, securityCode: '123' }, 'VALIDATION_FAILED', 'expMonth'],
  ])('refuses bad card data %#, naming the field', async (card, code, field) => {
    const response = await processor.post('/v1/tokens', card);
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code, field } });
  });

  const expected: Record<string, { status: number; outcome: string; reasonCode?: string }> = {
    approve: { status: 200, outcome: 'approved', reasonCode: '00' },
    insufficient_funds: { status: 200, outcome: 'declined', reasonCode: '51' },
    expired_card: { status: 200, outcome: 'declined', reasonCode: '54' },
    lost_card: { status: 200, outcome: 'declined', reasonCode: '41' },
    stolen_card: { status: 200, outcome: 'declined', reasonCode: '43' },
    do_not_honor: { status: 200, outcome: 'declined', reasonCode: '05' },
    challenge_required: { status: 200, outcome: 'challenge_required', reasonCode: '1A' },
    processor_error: { status: 503, outcome: 'PROCESSOR_SYSTEM_UNAVAILABLE' },
    timeout: { status: 504, outcome: 'PROCESSOR_AUTHORIZATION_TIMEOUT' },
    settlement_declined: { status: 200, outcome: 'approved', reasonCode: '00' },
    refresh_new_expiry: { status: 200, outcome: 'approved', reasonCode: '00' },
    refresh_replaced: { status: 200, outcome: 'approved', reasonCode: '00' },
    refresh_closed: { status: 200, outcome: 'approved', reasonCode: '00' },
    refresh_contact_cardholder: { status: 200, outcome: 'approved', reasonCode: '00' },
  };

  it.each(TEST_CARDS.map((card) => [card.number, card.profile] as const))('answers test card %s (%s) as documented', async (number, profile) => {
    const card = await processor.storeCard('m-test-cards', number);
    const { status, body } = await processor.authorize('m-test-cards', card.cardId);
    const want = expected[profile];
    expect(status).toBe(want.status);
    if (status === 200) expect(body).toMatchObject({ status: want.outcome, reasonCode: want.reasonCode, amount: 1500, currency: 'JPY' });
    else expect(body.error?.code).toBe(want.outcome);
  });

  it('never authorizes the same idempotency key twice and refuses it with another body', async () => {
    const card = await processor.storeCard('m-idem', '4111111111111111');
    const idempotencyKey = randomUUID();
    const first = await processor.authorize('m-idem', card.cardId, { idempotencyKey });
    const second = await processor.authorize('m-idem', card.cardId, { idempotencyKey });
    expect(second.body.authorizationId).toBe(first.body.authorizationId);
    const other = await processor.authorize('m-idem', card.cardId, { idempotencyKey, amount: 9999 });
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ code: 'PROCESSOR_IDEMPOTENCY_KEY_CONFLICT', field: 'idempotencyKey' });
    const rows = await namespace.query(`SELECT 1 FROM "${namespace.schema('processor')}".card_authorization WHERE idempotency_key = $1`, [idempotencyKey]);
    expect(rows).toHaveLength(1);
  });

  it('does not let a merchant use the card reference of another merchant', async () => {
    const card = await processor.storeCard('m-owner', '4111111111111111');
    const { status, body } = await processor.authorize('m-intruder', card.cardId);
    expect(status).toBe(404);
    expect(body.error).toMatchObject({ code: 'PROCESSOR_CARD_NOT_FOUND', field: 'cardId' });
  });

  it('approves a passed 3-D Secure challenge and declines a failed one, and notifies the result', async () => {
    const card = await processor.storeCard('m-3ds', '4000000000003220');
    const passed = (await processor.authorize('m-3ds', card.cardId)).body;
    expect(passed.challengeUrl).toBe(`${service.baseUrl}/v1/challenges/${passed.authorizationId}`);
    const page = await (await fetch(passed.challengeUrl as string)).text();
    expect(page).toContain('Pass authentication');
    expect((await fetch(`${passed.challengeUrl}/pass`, { method: 'POST' })).status).toBe(201);
    expect(await (await fetch(`${service.baseUrl}/v1/authorizations/${passed.authorizationId}`)).json()).toMatchObject({ status: 'approved', reasonCode: '00' });
    const failed = (await processor.authorize('m-3ds', card.cardId)).body;
    await fetch(`${failed.challengeUrl}/fail`, { method: 'POST' });
    expect(await (await fetch(`${service.baseUrl}/v1/authorizations/${failed.authorizationId}`)).json()).toMatchObject({ status: 'declined', reasonCode: '1B' });
    const again = await fetch(`${failed.challengeUrl}/pass`, { method: 'POST' });
    expect(await again.json()).toMatchObject({ error: { code: 'PROCESSOR_CHALLENGE_NOT_ALLOWED' } });
    const webhooks = await namespace.query(`SELECT type FROM "${namespace.schema('processor')}".pending_webhook WHERE body LIKE $1`, [`%${passed.authorizationId}%`]);
    expect(webhooks).toEqual([{ type: 'authorization.challenge_completed' }]);
  });

  it('cancels an approved authorization once and refuses to cancel a declined one', async () => {
    const card = await processor.storeCard('m-cancel', '4111111111111111');
    const { body } = await processor.authorize('m-cancel', card.cardId);
    const cancel = await processor.post(`/v1/authorizations/${body.authorizationId}/cancel`, { merchantId: 'm-cancel' });
    expect(await cancel.json()).toMatchObject({ status: 'canceled' });
    const declinedCard = await processor.storeCard('m-cancel', '4000000000000002');
    const declined = (await processor.authorize('m-cancel', declinedCard.cardId)).body;
    const refused = await processor.post(`/v1/authorizations/${declined.authorizationId}/cancel`, { merchantId: 'm-cancel' });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: { code: 'PROCESSOR_AUTHORIZATION_NOT_ALLOWED' } });
  });

  it('authorizes NDJSON in bulk in request order, answering bad lines with their line and field', async () => {
    const card = await processor.storeCard('m-bulk', '4111111111111111');
    const declining = await processor.storeCard('m-bulk', '4000000000009995');
    const line = (cardId: string, key: string) => JSON.stringify({ merchantId: 'm-bulk', cardId, amount: 700, currency: 'JPY', idempotencyKey: key });
    const body = [
      line(card.cardId, 'b-1'),
      line(declining.cardId, 'b-2'),
      '{not json',
      JSON.stringify({ merchantId: 'm-bulk', cardId: card.cardId, amount: 7.5, currency: 'JPY', idempotencyKey: 'b-4' }),
      '',
      line(card.cardId, 'b-1'),
      line(randomUUID(), 'b-7'),
    ].join('\n');
    const response = await fetch(`${service.baseUrl}/v1/authorizations/bulk`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const answers = (await response.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(answers.map((a) => a.line)).toEqual([1, 2, 3, 4, 6, 7]);
    expect(answers[0]).toMatchObject({ status: 'approved', idempotencyKey: 'b-1' });
    expect(answers[1]).toMatchObject({ status: 'declined', reasonCode: '51' });
    expect(answers[2]).toMatchObject({ error: { code: 'PROCESSOR_NDJSON_LINE_INVALID' } });
    expect(answers[3]).toMatchObject({ error: { code: 'PROCESSOR_NDJSON_LINE_INVALID', field: 'amount' } });
    expect(answers[4].authorizationId).toBe(answers[0].authorizationId);
    expect(answers[5]).toMatchObject({ error: { code: 'PROCESSOR_CARD_NOT_FOUND', field: 'cardId' } });
  });

  it('never writes a card number or security code to its logs or its database', async () => {
    const pan = '4000000000001026';
    await processor.storeCard('m-pan', pan, '731');
    await processor.post('/v1/tokens', { number: pan, expMonth: 1, expYear: 2001, securityCode: '731' });
    await processor.post('/v1/tokens', { number: pan, expMonth: 1, expYear: 2031, securityCode: 731, extra: pan });
    await processor.post('/v1/tokens', `{"number":"${pan}",`);
    const logs = service.output.join('\n');
    expect(logs).toContain('/v1/tokens');
    expect(logs).not.toContain(pan);
    expect(logs).not.toContain('"731"');
    const schema = namespace.schema('processor');
    const dump = JSON.stringify([
      await namespace.query(`SELECT * FROM "${schema}".card_token`),
      await namespace.query(`SELECT * FROM "${schema}".card`),
    ]);
    expect(dump).toContain('1026');
    expect(dump).not.toContain(pan);
  });
});
