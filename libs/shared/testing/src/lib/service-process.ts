import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { pollUntil } from './poll';

const WORKSPACE_ROOT = join(__dirname, '../../../../..');

export interface ServiceExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** From the stop signal to the exit. */
  millisecondsToExit: number;
}

/**
 * A Kessai service running as its own process, started exactly as in production (its main.ts), so tests can
 * crash it, send it SIGTERM and read its JSON logs.
 */
export class ServiceProcess {
  private child?: ChildProcess;
  private exited?: Promise<ServiceExit>;
  private stopSentAt = 0;
  readonly output: string[] = [];

  constructor(
    readonly app: string,
    readonly port: number,
    protected readonly env: Record<string, string>,
    /** Extra Node.js options, e.g. `--cpu-prof` for a benchmark. */
    protected readonly nodeArguments: string[] = [],
  ) {}

  /** The process id, for reading its memory use (benchmarks). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** How the process is launched: from the TypeScript sources here; a production build's test launches it otherwise. */
  protected command(): { file: string; args: string[]; cwd: string; env: Record<string, string> } {
    return {
      file: process.execPath,
      args: [...this.nodeArguments, '-r', '@swc-node/register', join('apps', this.app, 'src/main.ts')],
      cwd: WORKSPACE_ROOT,
      env: { SWC_NODE_PROJECT: 'tsconfig.json' },
    };
  }

  start(): this {
    const { file, args, cwd, env } = this.command();
    const child = spawn(file, args, { cwd, env: { ...env, ...this.env, PORT: String(this.port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    const collect = (chunk: Buffer) => this.output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.exited = new Promise((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal, millisecondsToExit: Date.now() - this.stopSentAt })),
    );
    this.child = child;
    return this;
  }

  async waitUntilReady(timeoutMs = 60_000): Promise<void> {
    let exitedEarly = false;
    void this.exited?.then(() => (exitedEarly = true));
    await pollUntil(
      `${this.app} to be ready`,
      async () => {
        if (exitedEarly) throw new Error(`${this.app} exited:\n${this.output.slice(-20).join('\n')}`);
        const response = await fetch(`${this.baseUrl}/health/ready`);
        return response.status === 200;
      },
      { timeoutMs, intervalMs: 200 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n--- ${this.app} output ---\n${this.output.slice(-30).join('\n')}`);
    });
  }

  /** Sends a signal (SIGTERM for a graceful stop, SIGKILL for a crash) and waits for the exit. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<ServiceExit> {
    if (!this.child || !this.exited) throw new Error(`${this.app} was not started`);
    this.stopSentAt = Date.now();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }

  /** Resolves when the process ends by itself (a failpoint, a configuration error). */
  waitForExit(): Promise<ServiceExit> {
    if (!this.exited) throw new Error(`${this.app} was not started`);
    return this.exited;
  }

  /** The JSON log lines the service printed so far. */
  logs(): Record<string, unknown>[] {
    return this.output.flatMap((line) => {
      try {
        const parsed = JSON.parse(line);
        return typeof parsed === 'object' && parsed !== null ? [parsed] : [];
      } catch {
        return [];
      }
    });
  }
}
