import type { MixedList, EntitySchema } from 'typeorm';

export interface DatabaseOptions {
  url: string;
  /** The schema the service owns; every table and the migrations table live in it. */
  schema: string;
  poolSize: number;
  migrateOnStart: boolean;
  applicationName: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}
