import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@kessai/shared-database';

/**
 * generate-charges walks a shop's definitions in bytewise order (COLLATE "C", stable across locales): without an
 * index in that order every chunk sorted the whole shop, quadratic in its size (a 300,000-member shop: minutes).
 */
export class IndexDefinitionsInChunkOrder1765500000000 implements MigrationInterface {
  name = 'IndexDefinitionsInChunkOrder1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX recurring_definition_shop_bytewise ON ${schemaOf(queryRunner)}.recurring_definition (shop_id, id COLLATE "C")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ${schemaOf(queryRunner)}.recurring_definition_shop_bytewise`);
  }
}
