import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class DatabaseReadiness {
  constructor(private readonly dataSource: DataSource) {}

  /** Ready when PostgreSQL answers and the service's schema has every migration applied. */
  async check(): Promise<{ up: boolean; detail?: string }> {
    await this.dataSource.query('SELECT 1');
    const pending = await this.dataSource.showMigrations();
    return pending ? { up: false, detail: 'migrations pending' } : { up: true };
  }
}
