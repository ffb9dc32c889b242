// Applies every service's pending migrations to its own schema: `npm run migrate`. Services also migrate at
// start-up unless DATABASE_MIGRATE_ON_START=false.
import { billingRequestsService } from '../../apps/billing-requests/src/app.module';
import { creditScreeningService } from '../../apps/credit-screening/src/app.module';
import { paymentScreenService } from '../../apps/payment-screen/src/app.module';
import { processorSimService } from '../../apps/processor-sim/src/app.module';
import { recurringEngineService } from '../../apps/recurring-engine/src/app.module';
import { throttleGatewayService } from '../../apps/throttle-gateway/src/app.module';
import { merchantConsoleService } from '../../apps/merchant-console/src/app.module';
import { BILLING_ENTITIES, BILLING_MIGRATIONS } from '@kessai/billing-data-access';
import { CONSOLE_MIGRATIONS } from '@kessai/console-data-access';
import { PAYMENT_ENTITIES, PAYMENT_MIGRATIONS } from '@kessai/payment-data-access';
import { PROCESSOR_MIGRATIONS } from '@kessai/processor-data-access';
import { RECURRING_MIGRATIONS } from '@kessai/recurring-data-access';
import { SCREENING_MIGRATIONS } from '@kessai/screening-data-access';
import { THROTTLE_MIGRATIONS } from '@kessai/throttle-data-access';
import { prepareDatabase } from '@kessai/shared-database';
import { MESSAGING_ENTITIES } from '@kessai/shared-messaging';

const services = [
  { service: throttleGatewayService, entities: [], migrations: THROTTLE_MIGRATIONS },
  { service: billingRequestsService, entities: BILLING_ENTITIES, migrations: BILLING_MIGRATIONS },
  { service: paymentScreenService, entities: PAYMENT_ENTITIES, migrations: PAYMENT_MIGRATIONS },
  { service: recurringEngineService, entities: [], migrations: RECURRING_MIGRATIONS },
  { service: creditScreeningService, entities: [], migrations: SCREENING_MIGRATIONS },
  { service: processorSimService, entities: [], migrations: PROCESSOR_MIGRATIONS },
  { service: merchantConsoleService, entities: [], migrations: CONSOLE_MIGRATIONS },
];

async function main(): Promise<void> {
  for (const { service, entities, migrations } of services) {
    const config = service.loadConfig();
    const dataSource = await prepareDatabase({
      url: config.DATABASE_URL,
      schema: config.DATABASE_SCHEMA,
      poolSize: 2,
      migrateOnStart: true,
      applicationName: `${service.serviceName}-migrate`,
      entities: [...entities, ...MESSAGING_ENTITIES],
      migrations,
    });
    await dataSource.destroy();
    console.log(`${service.serviceName}: schema ${config.DATABASE_SCHEMA} is up to date`);
  }
}

main().catch((error: Error) => {
  console.error(`migrate failed: ${error.message}`);
  process.exit(1);
});
