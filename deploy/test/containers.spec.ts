import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { discoverServices } from '../../tools/build/service-build';

const ROOT = join(__dirname, '../..');
const SERVICES = discoverServices(ROOT);

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; args?: Record<string, string> };
  read_only?: boolean;
  tmpfs?: string[];
  user?: string;
  cap_drop?: string[];
  security_opt?: string[];
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string>;
}

const compose = parse(readFileSync(join(ROOT, 'deploy/docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };

/** The service's own config loader (`load<Service>Config(env)`), which validates like the service at start-up. */
function configLoader(service: string): (env: Record<string, string>) => unknown {
  const module = require(join(ROOT, 'apps', service, 'src/config', `${service}.config.ts`)) as Record<string, unknown>;
  const loader = Object.entries(module).find(([name, value]) => /^load\w+Config$/.test(name) && typeof value === 'function');
  if (!loader) throw new Error(`apps/${service}/src/config/${service}.config.ts exports no load…Config function`);
  return loader[1] as (env: Record<string, string>) => unknown;
}

describe('docker-compose.yml', () => {
  it('runs Kafka (KRaft), PostgreSQL, Redis and every service in apps/', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['kafka', 'postgres', 'redis', ...SERVICES].sort());
    expect(compose.services.kafka.image).toMatch(/^apache\/kafka:/);
    expect(compose.services.kafka.environment?.KAFKA_PROCESS_ROLES).toBe('broker,controller');
  });

  describe.each(SERVICES)('%s', (service) => {
    const definition = compose.services[service] ?? {};

    it('is built from deploy/Dockerfile for itself', () => {
      expect(definition.build).toEqual({ context: '..', dockerfile: 'deploy/Dockerfile', args: { SERVICE: service } });
    });

    it('runs read-only with a tmpfs /tmp, as an unprivileged user without capabilities', () => {
      expect(definition.read_only).toBe(true);
      expect(definition.tmpfs?.some((mount) => mount.split(':')[0] === '/tmp')).toBe(true);
      expect(definition.user).toMatch(/^[1-9]\d*:[1-9]\d*$/);
      expect(definition.cap_drop).toEqual(['ALL']);
      expect(definition.security_opt).toContain('no-new-privileges:true');
    });

    it('has a health check on readiness and waits for healthy Kafka, PostgreSQL and Redis', () => {
      expect(definition.healthcheck?.test).toEqual(['CMD', '/nodejs/bin/node', '/app/healthcheck.js', '/health/ready']);
      expect(definition.depends_on).toEqual({
        kafka: { condition: 'service_healthy' },
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
    });

    it('gets an environment its configuration accepts', () => {
      expect(() => configLoader(service)(definition.environment ?? {})).not.toThrow();
    });
  });
});

describe('deploy/Dockerfile', () => {
  const lines = readFileSync(join(ROOT, 'deploy/Dockerfile'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.trim().startsWith('#'));
  const stages = lines.reduce<string[][]>((all, line) => (/^FROM\s/i.test(line) ? [...all, [line]] : (all.at(-1)?.push(line), all)), []);
  const final = stages.at(-1) ?? [];
  const arg = (name: string) => lines.find((line) => line.startsWith(`ARG ${name}=`))?.split('=')[1];

  it('is multi-stage: builds in a Node image, runs on distroless Node.js', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(arg('BUILD_IMAGE')).toMatch(/^node:20[\w.-]*-slim$/);
    expect(arg('RUNTIME_IMAGE')).toMatch(/^gcr\.io\/distroless\/nodejs20-debian\d+:nonroot$/);
    expect(final[0]).toMatch(/^FROM \$\{RUNTIME_IMAGE\}/);
  });

  it('copies only the service build into the final stage and runs nothing there (no package manager, no compiler)', () => {
    expect(final.filter((line) => /^RUN\s/.test(line))).toEqual([]);
    expect(final.filter((line) => /^(COPY|ADD)\s/.test(line))).toEqual(['COPY --from=build --chown=0:0 /workspace/dist/apps/${SERVICE}/ /app/']);
  });

  it('runs as a non-root user with a health check', () => {
    const user = final.find((line) => line.startsWith('USER '))?.split(/\s+/)[1] ?? '';
    expect(user).toMatch(/^[1-9]\d*(:[1-9]\d*)?$/);
    expect(final.some((line) => /^HEALTHCHECK .*CMD \["\/nodejs\/bin\/node", "\/app\/healthcheck\.js"/.test(line))).toBe(true);
  });

  it('pins the base images to a major version and never uses latest', () => {
    expect(lines.filter((line) => /:latest\b/.test(line))).toEqual([]);
  });
});
