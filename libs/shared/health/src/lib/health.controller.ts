import { Controller, Get, HttpCode, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { READINESS_CHECKS, ReadinessCheck } from './readiness-check';
import { ShutdownState } from './shutdown-state';

const CHECK_TIMEOUT_MS = 2000;

type CheckResult = { status: 'up' | 'down'; detail?: string };

@Controller('health')
export class HealthController {
  constructor(
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
    private readonly shutdown: ShutdownState,
  ) {}

  /** The process is alive: nothing external is consulted, so a dependency outage never restarts it. */
  @Get('live')
  @HttpCode(HttpStatus.OK)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * The service can do its work now: each dependency it requires answered within the time allowed. The others
   * are reported (`checks`) but do not make it unready.
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response) {
    const results = Object.fromEntries(
      await Promise.all(this.checks.map(async (c) => [c.name, await runCheck(c)] as const)),
    ) as Record<string, CheckResult>;
    const ready = !this.shutdown.isShuttingDown && this.checks.every((c) => c.required === false || results[c.name].status === 'up');
    response.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ready ? 'ok' : this.shutdown.isShuttingDown ? 'shutting-down' : 'unavailable', checks: results };
  }
}

async function runCheck(check: ReadinessCheck): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    const result = await Promise.race([check.check(), timeout]);
    return result.up ? { status: 'up' } : { status: 'down', detail: result.detail };
  } catch (error) {
    return { status: 'down', detail: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
