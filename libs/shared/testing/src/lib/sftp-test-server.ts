import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { pollUntil } from './poll';
import { freePort } from './test-infrastructure';

const WORKSPACE_ROOT = join(__dirname, '../../../../..');

/**
 * A real OpenSSH SFTP server of its own for one test suite (tools/sftp/test-sshd.sh): own host key, config and
 * client key in a fresh directory, on a free port. `root` is the directory SFTP paths start from.
 */
export class SftpTestServer {
  private child?: ChildProcess;
  readonly output: string[] = [];

  private constructor(
    readonly directory: string,
    readonly port: number,
  ) {}

  static async start(): Promise<SftpTestServer> {
    const server = new SftpTestServer(mkdtempSync(join(tmpdir(), 'kessai-sftp-')), await freePort());
    const child = spawn('bash', [join(WORKSPACE_ROOT, 'tools/sftp/test-sshd.sh'), server.directory, String(server.port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (chunk: Buffer) => server.output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => server.output.push(chunk.toString()));
    server.child = child;
    await pollUntil(
      `sshd on port ${server.port}`,
      () =>
        new Promise<boolean>((resolve) => {
          if (child.exitCode !== null) throw new Error(`sshd exited: ${server.output.join('')}`);
          const socket = connect(server.port, '127.0.0.1', () => {
            socket.destroy();
            resolve(true);
          });
          socket.on('error', () => resolve(false));
        }),
      { timeoutMs: 20_000, intervalMs: 100 },
    );
    return server;
  }

  get root(): string {
    return join(this.directory, 'root');
  }

  get username(): string {
    return userInfo().username;
  }

  get privateKey(): string {
    return readFileSync(join(this.directory, 'client_key'), 'utf8');
  }

  /** `SHA256:…` as ssh-keygen prints it. */
  get hostKeySha256(): string {
    return execFileSync('ssh-keygen', ['-lf', join(this.directory, 'host_key.pub')], { encoding: 'utf8' }).split(' ')[1];
  }

  /** The recurring engine's settings to use this server. */
  engineEnvironment(pollIntervalMs = 200): Record<string, string> {
    return {
      RECURRING_SFTP_HOST: '127.0.0.1',
      RECURRING_SFTP_PORT: String(this.port),
      RECURRING_SFTP_USERNAME: this.username,
      RECURRING_SFTP_PRIVATE_KEY: this.privateKey,
      RECURRING_SFTP_HOST_KEY_SHA256: this.hostKeySha256,
      RECURRING_SFTP_ROOT: this.root,
      RECURRING_SFTP_POLL_INTERVAL_MS: String(pollIntervalMs),
    };
  }

  /** Connection options for an SFTP client playing the merchant. */
  clientOptions(): { host: string; port: number; username: string; privateKey: string } {
    return { host: '127.0.0.1', port: this.port, username: this.username, privateKey: this.privateKey };
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.directory, { recursive: true, force: true });
  }
}
