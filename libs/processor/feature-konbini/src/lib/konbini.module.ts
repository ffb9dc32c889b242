import { DynamicModule, Module } from '@nestjs/common';
import { IssueKonbiniSlipHttpController } from './commands/issue-konbini-slip/issue-konbini-slip.http.controller';
import { PayKonbiniSlipHttpController } from './commands/pay-konbini-slip/pay-konbini-slip.http.controller';
import { ExpireKonbiniSlipsJob, KONBINI_EXPIRY_INTERVAL_MS } from './jobs/expire-konbini-slips.job';

@Module({})
export class KonbiniModule {
  static forRoot(options: { expiryIntervalMs: number }): DynamicModule {
    return {
      module: KonbiniModule,
      controllers: [IssueKonbiniSlipHttpController, PayKonbiniSlipHttpController],
      providers: [{ provide: KONBINI_EXPIRY_INTERVAL_MS, useValue: options.expiryIntervalMs }, ExpireKonbiniSlipsJob],
    };
  }
}
