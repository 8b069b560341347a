import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Dishonest-list checks by agencies: the purposes each organisation has declared, each check (single or batch)
 * with its purpose, application number, progress and reported outcome, and one line per subject checked.
 */
export class DishonestChecks1795800000000 implements MigrationInterface {
  name = 'DishonestChecks1795800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisation" ADD "declared_purposes" character varying(32) array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`CREATE TABLE "dishonest_check" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "organisation_id" uuid NOT NULL REFERENCES "organisation"("id"),
      "user_id" uuid NOT NULL REFERENCES "hub_user"("id"),
      "kind" character varying(8) NOT NULL,
      "purpose" character varying(32) NOT NULL,
      "application_no" character varying(64) NOT NULL,
      "state" character varying(16) NOT NULL,
      "total" integer NOT NULL DEFAULT 0,
      "done" integer NOT NULL DEFAULT 0,
      "hits" integer NOT NULL DEFAULT 0,
      "errors" integer NOT NULL DEFAULT 0,
      "outcome" character varying(16),
      "outcome_reason" character varying(500),
      "outcome_at" TIMESTAMP WITH TIME ZONE,
      "outcome_by" uuid REFERENCES "hub_user"("id"),
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "finished_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_dishonest_check" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_dishonest_check_organisation" ON "dishonest_check" ("organisation_id", "created_at")`);
    await queryRunner.query(`CREATE TABLE "dishonest_check_line" (
      "check_id" uuid NOT NULL REFERENCES "dishonest_check"("id") ON DELETE CASCADE,
      "line_no" integer NOT NULL,
      "id_number" character varying(18),
      "subject_kind" character varying(16),
      "error" character varying(200),
      "hit" boolean,
      "entries" jsonb,
      "exit_notified_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_dishonest_check_line" PRIMARY KEY ("check_id", "line_no"))`);
    await queryRunner.query(
      `CREATE INDEX "IDX_dishonest_check_line_hit" ON "dishonest_check_line" ("id_number") WHERE "hit" AND "exit_notified_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "dishonest_check_line"`);
    await queryRunner.query(`DROP TABLE "dishonest_check"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "declared_purposes"`);
  }
}
