import { randomUUID } from 'node:crypto';
import { newId } from '@kessai/shared-ids';
import { freePort, pollUntil, ServiceProcess, TestNamespace } from '@kessai/shared-testing';

const OPERATOR_TOKEN = 'integration-operator-token';

interface Decision {
  decisionId: string;
  decision: string;
  score: number;
  modelVersion: string;
  ruleSetVersion: number;
  decidedBy?: string;
  firedRules: { id: string; action: string; features: Record<string, unknown> }[];
}

describe('credit-screening decisions', () => {
  const namespace = new TestNamespace('screening-decisions');
  const merchantId = `merchant-${randomUUID().slice(0, 8)}`;
  let service: ServiceProcess;

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${service.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${OPERATOR_TOKEN}`, 'x-kessai-merchant-id': merchantId, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const decide = async (request: Record<string, unknown>, merchant = merchantId): Promise<Decision> => {
    const { status, body } = await call(
      'POST',
      '/decisions',
      { paymentRef: `pay-${randomUUID()}`, amount: 5000, currency: 'JPY', paymentMethod: 'card', ...request },
      { 'x-kessai-merchant-id': merchant },
    );
    expect(status).toBe(200);
    return body as Decision;
  };
  const publish = async (rules: unknown[], note = '') => {
    const { status, body } = await call('POST', '/rule-sets', { rules, note });
    expect(status).toBe(201);
    return (body as { version: number }).version;
  };

  beforeAll(async () => {
    service = new ServiceProcess(
      'credit-screening',
      await freePort(),
      namespace.serviceEnvironment('screening', {
        SCREENING_OPERATOR_TOKEN: OPERATOR_TOKEN,
        VELOCITY_KEY_PREFIX: `${namespace.id}:`,
        DECISION_RECORDER_FLUSH_MS: '50',
      }),
    ).start();
    await service.waitUntilReady();
  });

  afterAll(async () => {
    if (process.env.DEBUG_SERVICE_OUTPUT) console.log(service.output.filter((l) => /error|warn|dead/i.test(l)).join('\n'));
    await service.stop('SIGKILL');
    await namespace.cleanUp();
  });

  it('answers 503 with a clear code while no rule set is active', async () => {
    const { status, body } = await call('POST', '/decisions', { paymentRef: 'p-0', amount: 100, currency: 'JPY', paymentMethod: 'card' });
    expect(status).toBe(503);
    expect(body.error.code).toBe('SCREENING_RULE_SET_UNAVAILABLE');
  });

  it('refuses a rule set with a bad rule, naming the rule, the position and what was expected', async () => {
    const { status, body } = await call('POST', '/rule-sets', {
      rules: [
        { id: 'fine', action: 'review', when: 'amount > 100000' },
        { id: 'broken', action: 'decline', when: 'amount > 5000 and\n  velocity.card.cuont_1h > 3' },
      ],
    });
    expect(status).toBe(422);
    expect(body.error).toMatchObject({
      code: 'SCREENING_RULE_INVALID',
      field: 'rules.broken',
      message: 'Rule broken, line 2 column 3: unknown feature "velocity.card.cuont_1h" (did you mean "velocity.card.count_1h"?)',
    });
  });

  it('refuses rule-set changes without the operator token', async () => {
    const { status, body } = await call('POST', '/rule-sets', { rules: [] }, { authorization: 'Bearer wrong' });
    expect(status).toBe(401);
    expect(body.error.code).toBe('SCREENING_OPERATOR_UNAUTHORIZED');
  });

  it('decides with the active version and explains which rules fired with which values', async () => {
    const version = await publish([
      { id: 'decline-blocked-card', action: 'decline', when: 'list.block.card', description: 'Card on a block list' },
      { id: 'review-large', action: 'review', when: 'amount >= 100000' },
      { id: 'review-card-testing', action: 'review', when: 'velocity.card.count_1h >= 2' },
    ]);
    expect((await call('POST', `/rule-sets/${version}/activate`)).status).toBe(204);

    const small = await decide({ amount: 3000 });
    expect(small).toMatchObject({ decision: 'approve', ruleSetVersion: version, firedRules: [] });
    expect(small.modelVersion).toMatch(/^risk-lr-/);
    expect(small.score).toBeGreaterThan(0);
    expect(small.score).toBeLessThan(1);

    const large = await decide({ amount: 150000 });
    expect(large.decision).toBe('review');
    expect(large.decidedBy).toBe('review-large');
    expect(large.firedRules).toEqual([{ id: 'review-large', action: 'review', features: { amount: 150000 } }]);
  });

  it('declines a card on the merchant block list, for that merchant only', async () => {
    expect((await call('POST', `/lists/${merchantId}/block/entries`, { identity: 'card', value: 'card-stolen-1', reason: 'reported' })).status).toBe(204);
    expect(await decide({ cardRef: 'card-stolen-1' })).toMatchObject({ decision: 'decline', decidedBy: 'decline-blocked-card' });
    expect((await decide({ cardRef: 'card-stolen-1' }, 'another-merchant')).decision).toBe('approve');
  });

  it('shows a merchant the rules that apply and its own recent decisions with reasons, never another merchant\'s', async () => {
    const other = `other-${randomUUID().slice(0, 8)}`;
    const mine = await decide({ amount: 150000, paymentRef: `mine-${randomUUID()}` });
    const theirs = await decide({ amount: 150000, paymentRef: `theirs-${randomUUID()}` }, other);
    const listed = await pollUntil('the decisions recorded', async () => {
      const { body } = await call('GET', '/decisions?limit=200');
      const items = (body as { items: { decisionId: string; outcome: string; reasons: { ruleId: string; features: object }[] }[] }).items;
      return items.some((d) => d.decisionId === mine.decisionId) ? items : undefined;
    });
    expect(listed.find((d) => d.decisionId === mine.decisionId)).toMatchObject({ outcome: 'review', reasons: [{ ruleId: 'review-large', outcome: 'review', features: { amount: 150000 } }] });
    expect(listed.some((d) => d.decisionId === theirs.decisionId)).toBe(false);
    const { body: theirList } = await call('GET', '/decisions', undefined, { 'x-kessai-merchant-id': other });
    expect((theirList as { items: { decisionId: string }[] }).items.map((d) => d.decisionId)).toEqual([theirs.decisionId]);
    expect((await call('GET', '/decisions?limit=0')).status).toBe(422);

    const { status, body: rules } = await call('GET', '/merchant-rules');
    expect(status).toBe(200);
    expect(rules).toMatchObject({
      screening: { enabled: false },
      total: 3,
      rules: expect.arrayContaining([{ id: 'decline-blocked-card', outcome: 'decline', description: 'Card on a block list', when: 'list.block.card' }]),
    });
    expect((await fetch(`${service.baseUrl}/merchant-rules`)).status).toBe(401);
  });

  it('refuses an invalid decision request naming each field, and one without an authenticated merchant', async () => {
    const invalid = await call('POST', '/decisions', { paymentRef: 'p-bad', amount: -1, currency: 'JPY', paymentMethod: 'card', cardNumber: '4111111111111111' });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.code).toBe('VALIDATION_FAILED');
    expect(invalid.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['amount', 'cardNumber']);
    expect(invalid.body.error.requestId).toEqual(expect.any(String));
    const anonymous = await call('POST', '/decisions', { paymentRef: 'p-1', amount: 100, currency: 'JPY', paymentMethod: 'card' }, { 'x-kessai-merchant-id': '' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('MERCHANT_UNAUTHENTICATED');
    const malformed = await fetch(`${service.baseUrl}/decisions`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kessai-merchant-id': merchantId }, body: '{"paymentRef":' });
    expect(malformed.status).toBe(400);
  });

  it('decides a bulk of charges in one call, in order, answering a bad request alone', async () => {
    const requests = [
      { paymentRef: 'charge-ok', amount: 3000, currency: 'JPY', paymentMethod: 'card', cardRef: 'card-fine' },
      { paymentRef: 'charge-blocked', amount: 3000, currency: 'JPY', paymentMethod: 'card', cardRef: 'card-stolen-1' },
      { paymentRef: 'charge-bad', amount: 3000, currency: 'JPY', paymentMethod: 'card', phone: '090-1234' },
    ];
    const { status, body } = await call('POST', '/decisions/bulk', { requests });
    expect(status).toBe(200);
    expect(body.results).toHaveLength(3);
    expect(body.results[0]).toMatchObject({ paymentRef: 'charge-ok', decision: 'approve' });
    expect(body.results[1]).toMatchObject({ paymentRef: 'charge-blocked', decision: 'decline', decidedBy: 'decline-blocked-card' });
    expect(body.results[2]).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'requests[2].phone' } });
    const stored = await pollUntil('the bulk decision to be stored', async () => {
      const answer = await call('GET', `/decisions/${body.results[1].decisionId}`);
      return answer.status === 200 ? answer.body : undefined;
    });
    expect(stored).toMatchObject({ paymentRef: 'charge-blocked', decision: 'decline' });
  });

  it('stores a decision whose references hold backslashes, tabs, line breaks and quotes exactly as given', async () => {
    const paymentRef = 'ref\\with\ttab\nline "quoted",comma';
    const decided = await decide({ paymentRef, cardRef: 'card-\\odd' });
    const stored = await pollUntil('the decision to be stored', async () => {
      const answer = await call('GET', `/decisions/${decided.decisionId}`);
      return answer.status === 200 ? answer.body : undefined;
    });
    expect(stored).toMatchObject({ paymentRef, decision: decided.decision });
    expect(stored.features).toMatchObject({ card_ref: 'card-\\odd' });
  });

  it('decides a bulk of 5,000 charges, the largest one call may carry, each with its velocity', async () => {
    const requests = Array.from({ length: 5000 }, (_, i) => ({
      paymentRef: `big-bulk-${i}`,
      amount: 1000 + i,
      currency: 'JPY',
      paymentMethod: 'card',
      cardRef: `bulk-card-${i}`,
      phone: `+8190${String(10000000 + i)}`,
      email: `bulk${i}@example.com`,
      ip: `198.51.100.${i % 250}`,
      deviceId: `bulk-device-${i}`,
    }));
    const { status, body } = await call('POST', '/decisions/bulk', { requests });
    expect(status).toBe(200);
    expect(body.results).toHaveLength(5000);
    expect(body.results.filter((r: { decision?: string }) => r.decision === undefined)).toEqual([]);
    expect(body.results[4999]).toMatchObject({ paymentRef: 'big-bulk-4999' });
  });

  it('stops declining a card once it is taken off the block list', async () => {
    await call('POST', `/lists/${merchantId}/block/entries`, { identity: 'card', value: 'card-forgiven' });
    expect((await decide({ cardRef: 'card-forgiven' })).decision).toBe('decline');
    expect((await call('DELETE', `/lists/${merchantId}/block/entries/card/card-forgiven`)).status).toBe(204);
    expect((await decide({ cardRef: 'card-forgiven' })).decision).toBe('approve');
    const { body } = await call('GET', `/lists/${merchantId}`);
    expect((body as { value: string }[]).map((entry) => entry.value)).toEqual(['card-stolen-1']);
  });

  it('counts payments from the payment events on Kafka into velocity, once per event', async () => {
    const event = paymentAuthorized('card-busy', 2000);
    await namespace.kafka.send(namespace.topic('payment.payment.authorized.v1'), [
      { key: merchantId, value: JSON.stringify(event) },
      { key: merchantId, value: JSON.stringify(event) },
      { key: merchantId, value: JSON.stringify(paymentAuthorized('card-busy', 3000)) },
    ]);
    const decision = await pollUntil('velocity to reach two payments', async () => {
      const answer = await decide({ cardRef: 'card-busy' });
      return answer.decision === 'review' ? answer : undefined;
    });
    expect(decision.firedRules[0]).toEqual({
      id: 'review-card-testing',
      action: 'review',
      features: { 'velocity.card.count_1h': 2 },
    });
  });

  it('runs a new version in shadow: recorded beside the decision, not enforced', async () => {
    const strict = await publish([{ id: 'decline-everything-large', action: 'decline', when: 'amount > 1000' }], 'stricter');
    expect((await call('PUT', `/rule-sets/shadow/${strict}`)).status).toBe(204);
    const decision = await decide({ amount: 5000 });
    expect(decision.decision).toBe('approve');
    const stored = await pollUntil('the decision to be stored', async () => {
      const { status, body } = await call('GET', `/decisions/${decision.decisionId}`);
      return status === 200 ? body : undefined;
    });
    expect(stored.shadow).toEqual({
      ruleSetVersion: strict,
      decision: 'decline',
      fired: [{ id: 'decline-everything-large', action: 'decline', features: { amount: 5000 } }],
    });
    expect((await call('DELETE', '/rule-sets/shadow')).status).toBe(204);
  });

  it('rolls back by activating an older version', async () => {
    const { body } = await call('GET', '/rule-sets');
    const [newest, previous] = (body.versions as { version: number }[]).map((v) => v.version);
    await call('POST', `/rule-sets/${newest}/activate`);
    expect((await decide({ amount: 5000 })).decision).toBe('decline');
    await call('POST', `/rule-sets/${previous}/activate`);
    const after = await decide({ amount: 5000 });
    expect(after).toMatchObject({ decision: 'approve', ruleSetVersion: previous });
  });

  it('backtests a version over stored decisions and known outcomes', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const bad = await decide({ amount: 7000, paymentRef: `bt-bad-${randomUUID()}` });
    const good = await decide({ amount: 800, paymentRef: `bt-good-${randomUUID()}` });
    for (const [decision, outcome] of [
      [bad, 'chargeback'],
      [good, 'paid'],
    ] as const) {
      const stored = await pollUntil('the decision to be stored', async () => {
        const { status, body } = await call('GET', `/decisions/${decision.decisionId}`);
        return status === 200 ? body : undefined;
      });
      expect((await call('POST', '/outcomes', { merchantId, paymentRef: stored.paymentRef, outcome })).status).toBe(204);
    }
    const strict = (await call('GET', '/rule-sets')).body.versions[0].version;
    const { status, body } = await call('POST', '/backtests', { version: strict, from, to: new Date(Date.now() + 60_000).toISOString() });
    expect(status).toBe(200);
    expect(body.report.decisions).toBeGreaterThanOrEqual(2);
    expect(body.report.bad).toMatchObject({ total: 1, recordedDeclined: 0, candidateDeclined: 1 });
    expect(body.report.goodDeclinedByCandidate).toBe(0);
  });

  it('answers a decision requested by event with a decision event carrying the request id', async () => {
    const made = await decideByEvent(merchantId, 'by-event-1');
    expect(made.merchantId).toBe(merchantId);
    expect(made.payload.decision).toMatchObject({ paymentRef: 'by-event-1', decision: 'review', decidedBy: 'review-large' });
  });

  it('says whether a decision requested by event stops the payment under the merchant screening setting, as HTTP askers apply it', async () => {
    const shop = `shop-${randomUUID().slice(0, 8)}`;
    const neverSetUp = await decideByEvent(shop, 'by-event-unset');
    expect(neverSetUp.payload).toMatchObject({ decision: { decision: 'review' }, screeningEnabled: false, stopsPayment: false });
    expect((await call('PUT', `/operator/merchants/${shop}/screening`, { enabled: true, onReview: 'decline' })).status).toBe(200);
    expect((await decideByEvent(shop, 'by-event-on')).payload).toMatchObject({ screeningEnabled: true, onReview: 'decline', stopsPayment: true });
    expect((await call('PUT', `/operator/merchants/${shop}/screening`, { enabled: true, onReview: 'allow' })).status).toBe(200);
    expect((await decideByEvent(shop, 'by-event-allow')).payload).toMatchObject({ screeningEnabled: true, onReview: 'allow', stopsPayment: false });
    expect((await call('PUT', `/operator/merchants/${shop}/screening`, { enabled: false, onReview: 'decline' })).status).toBe(200);
    expect((await decideByEvent(shop, 'by-event-off')).payload).toMatchObject({ decision: { decision: 'review' }, screeningEnabled: false, stopsPayment: false });
  });

  it('keeps a merchant screening setting and publishes each change with an increasing version', async () => {
    const shop = `shop-${randomUUID().slice(0, 8)}`;
    expect((await call('GET', `/operator/merchants/${shop}/screening`)).body).toMatchObject({ enabled: false, version: 0 });
    expect((await call('PUT', `/operator/merchants/${shop}/screening`, { enabled: true, onReview: 'sometimes' })).status).toBe(422);
    expect((await call('PUT', `/operator/merchants/${shop}/screening`, { enabled: true, onReview: 'decline' }, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await call('PUT', `/operator/merchants/${shop}/screening`, { enabled: true, onReview: 'decline' })).body).toMatchObject({ enabled: true, version: 1 });
    expect((await call('PUT', `/operator/merchants/${shop}/screening`, { enabled: false, onReview: 'allow' })).body).toMatchObject({ enabled: false, version: 2 });
    const changes = await pollUntil('both setting events', async () => {
      const messages = await namespace.kafka.readAll(namespace.topic('screening.merchant-screening.changed.v1')).catch(() => []);
      const mine = messages.map((m) => JSON.parse(m.value ?? '{}')).filter((e) => e.merchantId === shop);
      return mine.length === 2 ? mine : undefined;
    });
    expect(changes.map((e) => e.payload)).toEqual([
      expect.objectContaining({ merchantId: shop, enabled: true, onReview: 'decline', version: 1 }),
      expect.objectContaining({ merchantId: shop, enabled: false, onReview: 'allow', version: 2 }),
    ]);
  });

  function paymentAuthorized(cardRef: string, amount: number) {
    return envelope('payment.payment.authorized', {
      paymentId: `pay-${randomUUID()}`,
      amount,
      currency: 'JPY',
      paymentMethod: 'card',
      cardRef,
      authorizedAt: new Date().toISOString(),
    });
  }

  /** A large wallet payment (the review-large rule) asked by event; answers the decision event. */
  async function decideByEvent(merchant: string, paymentRef: string) {
    const requestId = `req-${randomUUID()}`;
    const request = { paymentRef, amount: 120000, currency: 'JPY', paymentMethod: 'wallet' };
    await namespace.kafka.send(namespace.topic('screening.decision.requested.v1'), [
      { key: merchant, value: JSON.stringify(envelope('screening.decision.requested', { requestId, request }, merchant)) },
    ]);
    return pollUntil('the decision event', async () => {
      const messages = await namespace.kafka.readAll(namespace.topic('screening.decision.made.v1')).catch(() => []);
      return messages.map((m) => JSON.parse(m.value ?? '{}')).find((e) => e.payload?.requestId === requestId);
    });
  }

  function envelope(type: string, payload: unknown, merchant = merchantId) {
    return { eventId: newId(), type, version: 1, occurredAt: new Date().toISOString(), merchantId: merchant, correlationId: 'it', payload };
  }
});
