import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The list checks' rate limits, shared by every hub process on the database: one row per agency and limit, holding
 * the count of the current fixed window and of the one before it.
 */
export class CheckRateWindows1796510000000 implements MigrationInterface {
  name = 'CheckRateWindows1796510000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "check_rate_window" (
      "organisation_id" uuid NOT NULL REFERENCES "organisation"("id") ON DELETE CASCADE,
      "limit_name" character varying(16) NOT NULL,
      "window_start" TIMESTAMP WITH TIME ZONE NOT NULL,
      "used" integer NOT NULL,
      "previous" integer NOT NULL,
      CONSTRAINT "PK_check_rate_window" PRIMARY KEY ("organisation_id", "limit_name"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "check_rate_window"`);
  }
}
