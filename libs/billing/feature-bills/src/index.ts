export { BillsModule } from './lib/bills.module';
