import { Logger } from '@nestjs/common';

/** Runs `work` every `intervalMs` (never overlapping itself) until stopped; shutdown waits for the current run. */
export class JobLoop {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<unknown>,
    private readonly logger = new Logger(name),
  ) {}

  start(): void {
    if (this.intervalMs > 0) this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.work()
        .then(() => undefined)
        .catch((error: Error) => this.logger.error(`${this.name} failed: ${error.message}`))
        .finally(() => this.schedule());
    }, this.intervalMs);
  }
}
