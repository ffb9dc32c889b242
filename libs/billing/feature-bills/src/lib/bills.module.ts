import { Module } from '@nestjs/common';
import { BillRepository } from '@kessai/billing-data-access';
import { CreateBillHandler } from './commands/create-bill/create-bill.handler';
import { CreateBillHttpController } from './commands/create-bill/create-bill.http.controller';
import { GetBillHttpController } from './queries/get-bill/get-bill.http.controller';

@Module({
  controllers: [CreateBillHttpController, GetBillHttpController],
  providers: [BillRepository, CreateBillHandler],
})
export class BillsModule {}
