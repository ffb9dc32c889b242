import { ServiceProcess } from '@kessai/shared-testing';

/** The user the service runs as: not root, as in the container images (which use distroless's `nonroot`). */
export const SERVICE_UID = 65534;

/**
 * Inside a mount namespace of its own: every mount but the kernel's (/proc, /sys, /dev) remounted read-only, a
 * fresh tmpfs on /tmp — what `docker run --read-only --tmpfs /tmp` gives a container — then the service as an
 * unprivileged user. Only this namespace's mounts change; the rest of the machine keeps its writable filesystems.
 */
const READ_ONLY_ROOT = `set -eu
awk '$6 !~ /^ro(,|$)/ { print $5 }' /proc/self/mountinfo | while read -r mountpoint; do
  case "$mountpoint" in /proc|/proc/*|/sys|/sys/*|/dev|/dev/*) continue ;; esac
  mount -o remount,bind,ro "$mountpoint"
done
mount -t tmpfs -o size=64m,mode=1777,nosuid,nodev tmpfs /tmp
cd "$1"
shift
exec setpriv --reuid=${SERVICE_UID} --regid=${SERVICE_UID} --clear-groups --inh-caps=-all --bounding-set=-all -- "$@"`;

/** A service started from its production build (`dist/apps/<service>`) on a read-only root filesystem. */
export class ReadOnlyServiceProcess extends ServiceProcess {
  constructor(
    app: string,
    port: number,
    env: Record<string, string>,
    /** The service's build directory (`buildService(...).outDir`). */
    readonly buildDirectory: string,
  ) {
    super(app, port, env);
  }

  protected override command() {
    return {
      file: '/usr/bin/unshare',
      args: ['--mount', '--propagation', 'private', '--', '/bin/sh', '-c', READ_ONLY_ROOT, 'read-only-root', this.buildDirectory, process.execPath, 'main.js'],
      cwd: this.buildDirectory,
      env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', HOST: '127.0.0.1' },
    };
  }
}
