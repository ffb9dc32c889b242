import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, TestNamespace } from '@kessai/shared-testing';
import { buildService, discoverServices, type ServiceBuild } from '../../tools/build/service-build';
import { EgressProxyStub } from './egress-proxy.stub';
import { ReadOnlyServiceProcess, SERVICE_UID } from './read-only-service.process';
import { SERVICE_PROBES } from './service-probes';

const ROOT = join(__dirname, '../..');
// Not under /tmp: the service's namespace mounts an empty tmpfs there, as a container's --tmpfs /tmp does. A
// workspace that is itself under /tmp (a CI clone) builds into /var/tmp instead.
const WORKSPACE_UNDER_TMP = /^\/tmp(\/|$)/.test(ROOT);
const BUILD_ROOT = WORKSPACE_UNDER_TMP
  ? join('/var/tmp', `kessai-read-only-builds-${process.pid}`)
  : join(ROOT, 'tmp', `read-only-builds-${process.pid}`);

/** The mounts the service's process sees: mount point → options. */
function mountsOf(pid: number): Map<string, { options: string; type: string }> {
  const lines = readFileSync(`/proc/${pid}/mountinfo`, 'utf8').trim().split('\n');
  return new Map(
    lines.map((line) => {
      const fields = line.split(' ');
      const separator = fields.indexOf('-');
      return [fields[4], { options: fields[5], type: fields[separator + 1] }];
    }),
  );
}

/** Runs a shell command in the service's own mount namespace (optionally as its user). */
function inServiceNamespace(pid: number, script: string, asServiceUser = false) {
  const user = asServiceUser ? ['-S', String(SERVICE_UID), '-G', String(SERVICE_UID)] : [];
  return spawnSync('/usr/bin/nsenter', ['-t', String(pid), '-m', ...user, '--', '/bin/sh', '-c', script], { encoding: 'utf8' });
}

describe('every service from its production build on a read-only root filesystem', () => {
  const services = discoverServices(ROOT);
  afterAll(() => rmSync(BUILD_ROOT, { recursive: true, force: true }));

  it('has a probe for every service in apps/', () => {
    expect(services.filter((service) => !SERVICE_PROBES[service])).toEqual([]);
  });

  describe.each(services.filter((service) => SERVICE_PROBES[service]))('%s', (service) => {
    const probe = SERVICE_PROBES[service];
    const namespace = new TestNamespace(`${service}-read-only`);
    let build: ServiceBuild;
    let process_: ReadOnlyServiceProcess;
    let egress: EgressProxyStub;

    beforeAll(async () => {
      build = buildService(ROOT, service, BUILD_ROOT);
      egress = await new EgressProxyStub().start(await freePort());
      const env = namespace.serviceEnvironment(probe.schema, { NODE_ENV: 'production', HTTPS_PROXY: egress.url, ...probe.env });
      process_ = new ReadOnlyServiceProcess(service, await freePort(), env, build.outDir).start();
      await process_.waitUntilReady();
    }, 120_000);

    afterAll(async () => {
      await process_?.stop('SIGTERM');
      await egress?.stop();
      await namespace.cleanUp();
      rmSync(join(BUILD_ROOT, service), { recursive: true, force: true });
    });

    it('builds with production packages only and the migrations compiled in', () => {
      const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
      const devPackages = build.packages.filter((path) => Object.keys(manifest.devDependencies).some((name) => path === `node_modules/${name}`));
      expect(devPackages).toEqual([]);
      expect(build.sources.some((source) => /\/migrations\//.test(source))).toBe(true);
    });

    it('is ready: its schema migrated from the build, its dependencies answering', async () => {
      const ready = (await (await fetch(`${process_.baseUrl}/health/ready`)).json()) as { status: string; checks: Record<string, { status: string }> };
      expect(ready.status).toBe('ok');
      for (const check of Object.values(ready.checks)) expect(check.status).toBe('up');
      const migrations = await namespace.query<{ count: string }>(`SELECT count(*) FROM "${namespace.schema(probe.schema)}".migrations`);
      expect(Number(migrations[0].count)).toBeGreaterThan(0);
    });

    it(`serves a real request: ${probe.description}`, async () => {
      await probe.run(process_.baseUrl, egress);
    });

    it('runs as a non-root user with every mount read-only except /tmp (and /proc, /sys, /dev)', () => {
      const pid = process_.pid as number;
      const uid = /^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      expect(Number(uid)).toBe(SERVICE_UID);
      const writable = [...mountsOf(pid)]
        .filter(([point]) => !/^\/(proc|sys|dev)(\/|$)/.test(point))
        .filter(([, { options }]) => !options.split(',').includes('ro'))
        .map(([point, { type }]) => `${point} (${type})`);
      expect(writable).toEqual(['/tmp (tmpfs)']);
    });

    it('cannot write outside /tmp, even as root in its namespace, and can write to /tmp', () => {
      const pid = process_.pid as number;
      // (A workspace under /tmp is hidden by the namespace's tmpfs: nothing there to write to.)
      const workspace = WORKSPACE_UNDER_TMP ? [] : [join(ROOT, 'tmp', 'probe')];
      for (const target of [join(build.outDir, 'probe'), '/probe', ...workspace, '/var/tmp/probe']) {
        const attempt = inServiceNamespace(pid, `echo x > '${target}'`);
        expect({ target, status: attempt.status }).not.toEqual({ target, status: 0 });
        expect(attempt.stderr).toContain('Read-only file system');
      }
      const probeFile = `/tmp/read-only-probe-${pid}`;
      const tmp = inServiceNamespace(pid, `echo written > ${probeFile} && cat ${probeFile}`, true);
      expect(tmp.stdout.trim()).toBe('written');
      // The namespace's tmpfs is the service's alone: the machine's /tmp does not see the file.
      expect(existsSync(probeFile)).toBe(false);
    });
  });
});
