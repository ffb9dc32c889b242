export { DatabaseModule } from './lib/database.module';
export { DatabaseReadiness } from './lib/database.readiness';
export { type DatabaseOptions } from './lib/database.options';
export { prepareDatabase, migrate, dataSourceOptions, schemaOf, quoteIdentifier } from './lib/prepare-database';
export { minorUnitsTransformer } from './lib/minor-units.transformer';
