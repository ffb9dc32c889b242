import type { Response } from 'express';
import { HealthController } from './health.controller';
import { ReadinessCheck } from './readiness-check';
import { ShutdownState } from './shutdown-state';

const up: ReadinessCheck['check'] = async () => ({ up: true });
const down: ReadinessCheck['check'] = async () => ({ up: false, detail: 'connection refused' });

async function readiness(checks: ReadinessCheck[], shutdown = new ShutdownState()) {
  let status = 0;
  const response = { status: (code: number) => (status = code) } as unknown as Response;
  const body = await new HealthController(checks, shutdown).ready(response);
  return { status, body };
}

describe('HealthController readiness', () => {
  it('is not ready when a required dependency is down', async () => {
    const { status, body } = await readiness([{ name: 'database', check: up }, { name: 'redis', check: down }]);
    expect(status).toBe(503);
    expect(body).toEqual({ status: 'unavailable', checks: { database: { status: 'up' }, redis: { status: 'down', detail: 'connection refused' } } });
  });

  it('stays ready when only a dependency it does not require is down, and still reports it', async () => {
    const { status, body } = await readiness([{ name: 'database', check: up }, { name: 'redis', check: down, required: false }]);
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', checks: { database: { status: 'up' }, redis: { status: 'down', detail: 'connection refused' } } });
  });

  it('is not ready while shutting down, even with every dependency up', async () => {
    const shutdown = new ShutdownState();
    shutdown.begin();
    const { status, body } = await readiness([{ name: 'database', check: up }], shutdown);
    expect(status).toBe(503);
    expect(body.status).toBe('shutting-down');
  });
});
