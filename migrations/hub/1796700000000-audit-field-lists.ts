import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lists of fields read, stored once (format 4, README "Audit log"): `audit_field_list` holds each distinct list by
 * the SHA-256 of its canonical JSON, append-only like the entries, and an entry of format 4 names its list by that
 * digest (`fields_digest`) instead of holding it (`fields` null). Entries written before keep their list and format.
 */
export class AuditFieldLists1796700000000 implements MigrationInterface {
  name = 'AuditFieldLists1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_field_list" ("digest" character(64) NOT NULL, "fields" json NOT NULL, CONSTRAINT "PK_audit_field_list" PRIMARY KEY ("digest"))`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_field_list_append_only BEFORE UPDATE OR DELETE ON "audit_field_list" FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_field_list_no_truncate BEFORE TRUNCATE ON "audit_field_list" FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`,
    );
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD "fields_digest" character(64)`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ALTER COLUMN "fields" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "CHK_audit_entry_format"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD CONSTRAINT "CHK_audit_entry_format" CHECK ("format" IN (2, 3, 4))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const [{ listed }] = await queryRunner.query(`SELECT count(*)::int AS listed FROM "audit_entry" WHERE "format" = 4`);
    if (listed > 0) throw new Error(`${listed} audit entries name their list of fields by digest: going back would leave them unverifiable`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "CHK_audit_entry_format"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD CONSTRAINT "CHK_audit_entry_format" CHECK ("format" IN (2, 3))`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ALTER COLUMN "fields" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "fields_digest"`);
    await queryRunner.query(`DROP TABLE "audit_field_list"`);
  }
}
