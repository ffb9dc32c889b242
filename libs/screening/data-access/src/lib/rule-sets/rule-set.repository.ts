import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RuleDefinition } from '@kessai/screening-domain';
import { screeningTable } from '../screening-tables';

export type DeploymentRole = 'active' | 'shadow';

export interface RuleSetVersion {
  version: number;
  rules: RuleDefinition[];
  note: string;
  publishedAt: Date;
  publishedBy: string;
}

export interface Deployment {
  active?: RuleSetVersion;
  shadow?: RuleSetVersion;
}

interface VersionRow {
  version: number;
  rules: RuleDefinition[];
  note: string;
  published_at: Date;
  published_by: string;
}

@Injectable()
export class RuleSetRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores a new version, numbered one above the last; concurrent publishes take turns. */
  async publish(rules: RuleDefinition[], note: string, by: string, at: Date): Promise<RuleSetVersion> {
    return this.dataSource.transaction(async (transaction) => {
      const table = screeningTable(transaction, 'rule_set_version');
      await transaction.query(`LOCK TABLE ${table} IN SHARE ROW EXCLUSIVE MODE`);
      const [row]: VersionRow[] = await transaction.query(
        `INSERT INTO ${table} (version, rules, note, published_at, published_by)
         SELECT coalesce(max(version), 0) + 1, $1, $2, $3, $4 FROM ${table}
         RETURNING version, rules, note, published_at, published_by`,
        [JSON.stringify(rules), note, at, by],
      );
      return toVersion(row);
    });
  }

  async find(version: number): Promise<RuleSetVersion | undefined> {
    const rows: VersionRow[] = await this.dataSource.query(
      `SELECT version, rules, note, published_at, published_by FROM ${screeningTable(this.dataSource, 'rule_set_version')} WHERE version = $1`,
      [version],
    );
    return rows[0] && toVersion(rows[0]);
  }

  async list(): Promise<Omit<RuleSetVersion, 'rules'>[]> {
    const rows: VersionRow[] = await this.dataSource.query(
      `SELECT version, note, published_at, published_by FROM ${screeningTable(this.dataSource, 'rule_set_version')} ORDER BY version DESC`,
    );
    return rows.map(({ version, note, published_at, published_by }) => ({ version, note, publishedAt: published_at, publishedBy: published_by }));
  }

  async deployment(): Promise<Deployment> {
    const rows: (VersionRow & { role: DeploymentRole })[] = await this.dataSource.query(
      `SELECT d.role, v.version, v.rules, v.note, v.published_at, v.published_by
       FROM ${screeningTable(this.dataSource, 'rule_set_deployment')} d
       JOIN ${screeningTable(this.dataSource, 'rule_set_version')} v ON v.version = d.version`,
    );
    return Object.fromEntries(rows.map((row) => [row.role, toVersion(row)]));
  }

  /** Puts a version in a role (or takes the role away with `undefined`), keeping the history of changes. */
  async deploy(role: DeploymentRole, version: number | undefined, by: string, at: Date): Promise<void> {
    await this.dataSource.transaction(async (transaction) => {
      const deployment = screeningTable(transaction, 'rule_set_deployment');
      if (version === undefined) {
        await transaction.query(`DELETE FROM ${deployment} WHERE role = $1`, [role]);
      } else {
        await transaction.query(
          `INSERT INTO ${deployment} (role, version, changed_at, changed_by) VALUES ($1, $2, $3, $4)
           ON CONFLICT (role) DO UPDATE SET version = EXCLUDED.version, changed_at = EXCLUDED.changed_at, changed_by = EXCLUDED.changed_by`,
          [role, version, at, by],
        );
      }
      await transaction.query(
        `INSERT INTO ${screeningTable(transaction, 'rule_set_deployment_history')} (role, version, changed_at, changed_by) VALUES ($1, $2, $3, $4)`,
        [role, version ?? null, at, by],
      );
    });
  }

  /** A number that changes whenever a deployment changes: instances poll it to reload their rules. */
  async deploymentStamp(): Promise<string> {
    const [row]: { stamp: string | null }[] = await this.dataSource.query(
      `SELECT max(id)::text AS stamp FROM ${screeningTable(this.dataSource, 'rule_set_deployment_history')}`,
    );
    return row.stamp ?? '0';
  }
}

function toVersion(row: VersionRow): RuleSetVersion {
  return { version: row.version, rules: row.rules, note: row.note, publishedAt: row.published_at, publishedBy: row.published_by };
}
