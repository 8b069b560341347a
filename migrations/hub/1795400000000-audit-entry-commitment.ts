import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Entries from here on are hashed with a secret of their own (`salt`), so that the visible hash reveals nothing
 * about masked identifiers, and keep a client's X-Request-Id apart as `correlation_id`. Earlier entries keep a
 * null salt and verify as they were written.
 */
export class AuditEntryCommitment1795400000000 implements MigrationInterface {
  name = 'AuditEntryCommitment1795400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD "correlation_id" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD "salt" character(64)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "salt"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP COLUMN "correlation_id"`);
  }
}
