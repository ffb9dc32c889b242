import { Injectable } from '@nestjs/common';
import { StartJobExecutionCommand, StartJobExecutionHandler } from '@kessai/recurring-feature-jobs';
import { ImmediateAuthorization } from './immediate-authorization';

/**
 * An immediate file's charges go through the authorize-charges job of their shop and cycle, launched at once
 * (within the hour, not after the deadline). The job takes every pending charge of the shop's cycle; a rerun
 * changes nothing that is no longer pending.
 */
@Injectable()
export class AuthorizeImmediateFile extends ImmediateAuthorization {
  constructor(private readonly jobs: StartJobExecutionHandler) {
    super();
  }

  async start(shopId: string, cycle: string): Promise<void> {
    await this.jobs.execute(new StartJobExecutionCommand('authorize-charges', cycle, [shopId], null, false));
  }
}
