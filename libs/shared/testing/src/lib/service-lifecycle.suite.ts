import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort, TestNamespace } from './test-infrastructure';
import { ServiceProcess } from './service-process';

export interface LifecycleExpectations {
  app: string;
  /** The short name of the schema the service owns, e.g. `billing`. */
  schema: string;
  /** The dependencies its readiness reports, e.g. ['database', 'kafka', 'redis']. */
  readinessChecks: string[];
}

/**
 * What every Kessai service promises as a process: health endpoints, readiness that checks its own schema and
 * dependencies, configuration errors that name the variable, JSON logs with request/correlation/trace ids, and
 * a clean exit 0 within 10 s of SIGTERM that lets the request in flight finish.
 */
export function describeServiceLifecycle({ app, schema, readinessChecks }: LifecycleExpectations): void {
  describe(`${app} as a process`, () => {
    const namespace = new TestNamespace(`${app}-lifecycle`);
    const started: ServiceProcess[] = [];

    const start = async (extra: Record<string, string> = {}) => {
      const service = new ServiceProcess(app, await freePort(), namespace.serviceEnvironment(schema, extra)).start();
      started.push(service);
      return service;
    };

    afterAll(async () => {
      await Promise.all(started.map((service) => service.stop('SIGKILL')));
      await namespace.cleanUp();
    });

    it('answers /health/live and reports ready once its schema, Kafka and Redis answer', async () => {
      const service = await start();
      await service.waitUntilReady();
      expect(await (await fetch(`${service.baseUrl}/health/live`)).json()).toEqual({ status: 'ok' });
      const ready = (await (await fetch(`${service.baseUrl}/health/ready`)).json()) as { checks: Record<string, unknown> };
      expect(Object.keys(ready.checks).sort()).toEqual([...readinessChecks].sort());
      for (const check of readinessChecks) expect(ready.checks[check]).toEqual({ status: 'up' });
    });

    it('logs JSON lines that carry the request id, the correlation id and the trace id', async () => {
      const service = started[0];
      const traceId = '0af7651916cd43dd8448eb211c80319c';
      await fetch(`${service.baseUrl}/no-such-route`, {
        headers: {
          'x-request-id': 'req-lifecycle-1',
          'x-correlation-id': 'corr-lifecycle-1',
          traceparent: `00-${traceId}-b7ad6b7169203331-01`,
        },
      });
      await sleep(200);
      const line = service.logs().find((entry) => entry.requestId === 'req-lifecycle-1');
      expect(line).toMatchObject({ service: app, correlationId: 'corr-lifecycle-1', traceId });
    });

    it('finishes the request in flight and exits 0 within 10 s of SIGTERM', async () => {
      const service = started[0];
      const response = slowRequest(service.port);
      await sleep(200);
      const exit = service.stop('SIGTERM');
      await sleep(300);
      response.finishBody();
      expect(await response.status).toBe(404);
      const { code, millisecondsToExit } = await exit;
      expect(code).toBe(0);
      expect(millisecondsToExit).toBeLessThan(10_000);
      expect(service.output.join('\n')).toContain('stopped cleanly');
    });

    it('reports not ready while its schema lacks migrations', async () => {
      const service = await start({ DATABASE_MIGRATE_ON_START: 'false', DATABASE_SCHEMA: namespace.schema(`${schema}_bare`) });
      const ready = await pollReadiness(service);
      expect(ready.status).toBe(503);
      expect(ready.body.checks.database).toEqual({ status: 'down', detail: 'migrations pending' });
    });

    it('refuses to start with a wrong variable and names it', async () => {
      const service = await start({ DATABASE_POOL_SIZE: 'lots', KAFKA_BROKERS: 'no port here' });
      const { code } = await service.waitForExit();
      expect(code).toBe(1);
      const output = service.output.join('\n');
      expect(output).toContain(`${app} cannot start`);
      expect(output).toMatch(/DATABASE_POOL_SIZE: .*\(got "lots"\)/);
      expect(output).toMatch(/KAFKA_BROKERS: .*\(got "no port here"\)/);
    });
  });
}

/** A request whose body arrives in two parts, so it is still in flight when the test sends SIGTERM. */
function slowRequest(port: number): { status: Promise<number>; finishBody: () => void } {
  let finishBody = () => undefined as void;
  const status = new Promise<number>((resolve, reject) => {
    const body = JSON.stringify({ note: 'in flight during shutdown' });
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/no-such-route', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.write(body.slice(0, 5));
    finishBody = () => {
      req.end(body.slice(5));
    };
  });
  return { status, finishBody: () => finishBody() };
}

async function pollReadiness(service: ServiceProcess): Promise<{ status: number; body: { checks: Record<string, unknown> } }> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(`${service.baseUrl}/health/ready`);
      return { status: response.status, body: (await response.json()) as { checks: Record<string, unknown> } };
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(200);
    }
  }
}
