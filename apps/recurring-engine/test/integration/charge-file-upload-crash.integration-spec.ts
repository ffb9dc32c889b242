import { freePort, ServiceProcess, TestNamespace } from '@kessai/shared-testing';
import { uniqueShopId } from './recurring-test-data';

// kill -9 while an uploaded charge file is being taken in (before the merge, and after it but before the
// answer): the merchant's request fails, the merchant sends the file again, and every line is charged once.
describe('recurring-engine charge file upload across a crash', () => {
  const namespace = new TestNamespace('recurring-upload-crash');
  const schema = () => `"${namespace.schema('recurring')}"`;
  const running: ServiceProcess[] = [];
  const cycle = `${new Date().getUTCFullYear() + 1}-05`;
  const lines = Array.from({ length: 300 }, (_, i) => `M-${(i % 3) + 1},${100 + i},JPY`);
  const file = `member_id,amount,currency\n${lines.join('\n')}\n`;

  const startEngine = async (extra: Record<string, string> = {}) => {
    const service = new ServiceProcess('recurring-engine', await freePort(), namespace.serviceEnvironment('recurring', extra)).start();
    running.push(service);
    await service.waitUntilReady();
    return service;
  };
  const upload = (engine: ServiceProcess, shopId: string) =>
    fetch(`${engine.baseUrl}/recurring/files?cycle=${cycle}&name=may.csv`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'x-kessai-merchant-id': shopId },
      body: file,
    });
  const chargeCount = async (shopId: string) =>
    (await namespace.query<{ count: number; keys: number }>(`SELECT count(*)::int AS count, count(DISTINCT amount)::int AS keys FROM ${schema()}.charge WHERE shop_id = $1`, [shopId]))[0];

  afterAll(async () => {
    await Promise.all(running.map((service) => service.stop('SIGKILL')));
    await namespace.cleanUp();
  });

  it.each([
    ['recurring.intake.before-merge', 0, 'merged'],
    ['recurring.intake.after-merge', 300, 'duplicate'],
  ])('charges every line once when killed at %s and the merchant uploads again', async (failpointName, chargesAfterCrash, secondStatus) => {
    const crashing = await startEngine({ FAILPOINTS: failpointName });
    const shopId = uniqueShopId('crash-upload');
    await fetch(`${crashing.baseUrl}/shops/${shopId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cycleDeadlineDay: 5, floorLimitEligible: false, immediateQuota: 0 }),
    });
    for (const memberId of ['M-1', 'M-2', 'M-3']) {
      await fetch(`${crashing.baseUrl}/recurring/members/${memberId}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-kessai-merchant-id': shopId },
        body: JSON.stringify({ cardRef: `card_${memberId}` }),
      });
    }
    await expect(upload(crashing, shopId)).rejects.toThrow();
    expect((await crashing.waitForExit()).signal).toBe('SIGKILL');
    expect((await chargeCount(shopId)).count).toBe(chargesAfterCrash);

    const engine = await startEngine();
    const again = await upload(engine, shopId);
    expect(await again.json()).toMatchObject({ status: secondStatus, accepted: secondStatus === 'merged' ? 300 : 0 });
    expect(await chargeCount(shopId)).toEqual({ count: 300, keys: 300 });
    await engine.stop('SIGTERM');
  });
});
