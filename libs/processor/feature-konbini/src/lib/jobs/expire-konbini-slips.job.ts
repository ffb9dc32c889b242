import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ExpireKonbiniSlipsHandler } from '../commands/expire-konbini-slips/expire-konbini-slips.handler';

export const KONBINI_EXPIRY_INTERVAL_MS = Symbol('KONBINI_EXPIRY_INTERVAL_MS');

/** Runs the konbini expiry every interval until the service stops (a run in progress is awaited). */
@Injectable()
export class ExpireKonbiniSlipsJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExpireKonbiniSlipsJob.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly handler: ExpireKonbiniSlipsHandler,
    @Inject(KONBINI_EXPIRY_INTERVAL_MS) private readonly intervalMs: number,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.handler
        .execute()
        .then(() => undefined)
        .catch((error: Error) => this.logger.error(`konbini expiry failed: ${error.message}`))
        .finally(() => this.schedule());
    }, this.intervalMs);
  }
}
