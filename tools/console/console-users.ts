import { DataSource } from 'typeorm';
import { loadMerchantConsoleConfig } from '../../apps/merchant-console/src/config/merchant-console.config';
import { CONSOLE_ENTITIES, CONSOLE_MIGRATIONS, ConsoleUserRepository } from '@kessai/console-data-access';
import { CreateConsoleUserCommand, CreateConsoleUserHandler } from '@kessai/console-feature-sign-in';
import { ConsoleException } from '@kessai/console-domain';
import { SystemClock } from '@kessai/shared-clock';
import { prepareDatabase } from '@kessai/shared-database';

/** Opens the console's schema (migrated) as the service would, for the operator tools. */
export async function withConsoleDatabase<T>(work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const config = loadMerchantConsoleConfig();
  const dataSource = await prepareDatabase({
    url: config.DATABASE_URL,
    schema: config.DATABASE_SCHEMA,
    poolSize: 2,
    migrateOnStart: true,
    applicationName: 'merchant-console-tools',
    entities: CONSOLE_ENTITIES,
    migrations: CONSOLE_MIGRATIONS,
  });
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** Creates a console user; `created: false` when the merchant has one with this e-mail already. */
export async function createConsoleUser(dataSource: DataSource, command: CreateConsoleUserCommand): Promise<{ created: boolean }> {
  try {
    await new CreateConsoleUserHandler(new ConsoleUserRepository(dataSource), new SystemClock()).execute(command);
    return { created: true };
  } catch (error) {
    if (error instanceof ConsoleException && error.code === 'CONSOLE_USER_ALREADY_EXISTS') return { created: false };
    throw error;
  }
}
