import { DynamicModule, Module } from '@nestjs/common';
import { ExpireKonbiniSlipsHandler } from './commands/expire-konbini-slips/expire-konbini-slips.handler';
import { IssueKonbiniSlipHandler } from './commands/issue-konbini-slip/issue-konbini-slip.handler';
import { IssueKonbiniSlipHttpController } from './commands/issue-konbini-slip/issue-konbini-slip.http.controller';
import { PayKonbiniSlipHandler } from './commands/pay-konbini-slip/pay-konbini-slip.handler';
import { PayKonbiniSlipHttpController } from './commands/pay-konbini-slip/pay-konbini-slip.http.controller';
import { ExpireKonbiniSlipsJob, KONBINI_EXPIRY_INTERVAL_MS } from './jobs/expire-konbini-slips.job';
import { GetKonbiniSlipHttpController } from './queries/get-konbini-slip/get-konbini-slip.http.controller';

@Module({})
export class KonbiniModule {
  static forRoot(options: { expiryIntervalMs: number }): DynamicModule {
    return {
      module: KonbiniModule,
      controllers: [IssueKonbiniSlipHttpController, GetKonbiniSlipHttpController, PayKonbiniSlipHttpController],
      providers: [
        { provide: KONBINI_EXPIRY_INTERVAL_MS, useValue: options.expiryIntervalMs },
        IssueKonbiniSlipHandler,
        PayKonbiniSlipHandler,
        ExpireKonbiniSlipsHandler,
        ExpireKonbiniSlipsJob,
      ],
    };
  }
}
