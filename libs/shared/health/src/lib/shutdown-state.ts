import { Injectable } from '@nestjs/common';

/** Flips when SIGTERM arrives, so the load balancer stops sending traffic while in-flight work finishes. */
@Injectable()
export class ShutdownState {
  private shuttingDown = false;

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  begin(): void {
    this.shuttingDown = true;
  }
}
