import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit entries hashed over their stored form (format 3, README "Audit log"): each entry names the format of its
 * hash, and `fields`, `sources` and `detail` become json, which PostgreSQL keeps byte for byte as written (jsonb
 * re-renders), so the verifier hashes the columns as PostgreSQL sends them. Existing entries keep format 2 (or 1,
 * without salt) and their text as jsonb rendered it, which their canonical-JSON hash does not depend on.
 */
export class AuditEntryStoredForm1796600000000 implements MigrationInterface {
  name = 'AuditEntryStoredForm1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The default only fills the rows already written (without rewriting them); every append names its format.
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD "format" smallint NOT NULL DEFAULT 2`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ALTER COLUMN "format" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD CONSTRAINT "CHK_audit_entry_format" CHECK ("format" IN (2, 3))`);
    await queryRunner.query(
      `ALTER TABLE "audit_entry" ALTER COLUMN "fields" TYPE json USING "fields"::json, ALTER COLUMN "sources" TYPE json USING "sources"::json, ALTER COLUMN "detail" TYPE json USING "detail"::json`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const [{ stored }] = await queryRunner.query(`SELECT count(*)::int AS stored FROM "audit_entry" WHERE "format" = 3`);
    if (stored > 0) throw new Error(`${stored} audit entries are hashed over their stored form: going back would leave them unverifiable`);
    await queryRunner.query(
      `ALTER TABLE "audit_entry" ALTER COLUMN "fields" TYPE jsonb USING "fields"::jsonb, ALTER COLUMN "sources" TYPE jsonb USING "sources"::jsonb, ALTER COLUMN "detail" TYPE jsonb USING "detail"::jsonb`,
    );
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "CHK_audit_entry_format"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "format"`);
  }
}
