import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statistics over the audit log (README "Supervision and statistics"): READ entries of a period counted per court
 * (from the case number) or month. The index on (kind, at) carrying the counted columns lets PostgreSQL answer from
 * the index alone, without reading the entries' wide rows (fields, sources, detail), and prunes monthly partitions.
 */
export class AuditEntryStatisticsIndex1795900000000 implements MigrationInterface {
  name = 'AuditEntryStatisticsIndex1795900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_entry_kind_at" ON "audit_entry" ("kind", "at") INCLUDE ("case_no", "request_id", "subject_id", "subject_id_number", "outcome")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_entry_kind_at"`);
  }
}
