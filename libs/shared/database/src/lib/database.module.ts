import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseOptions } from './database.options';
import { DatabaseReadiness } from './database.readiness';
import { dataSourceOptions, prepareDatabase } from './prepare-database';

/** The service's PostgreSQL connection: its own schema, migrated at start-up unless told otherwise. */
@Module({})
export class DatabaseModule {
  static forService(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(options),
          dataSourceFactory: async () => prepareDatabase(options),
        }),
      ],
      providers: [DatabaseReadiness],
      exports: [TypeOrmModule, DatabaseReadiness],
    };
  }
}
