import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An outcome per subject found on the list rather than per check: the agency intercepts one subject of a check and
 * allows another. A check-level outcome already reported passes to the check's hits (an ALLOWED one also to the only
 * subject of a check without a hit).
 */
export class CheckOutcomesPerSubject1796500000000 implements MigrationInterface {
  name = 'CheckOutcomesPerSubject1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dishonest_check_line"
      ADD "outcome" character varying(16),
      ADD "outcome_reason" character varying(500),
      ADD "outcome_at" TIMESTAMP WITH TIME ZONE,
      ADD "outcome_by" uuid REFERENCES "hub_user"("id")`);
    await queryRunner.query(`UPDATE "dishonest_check_line" l
      SET "outcome" = c."outcome", "outcome_reason" = c."outcome_reason", "outcome_at" = c."outcome_at", "outcome_by" = c."outcome_by"
      FROM "dishonest_check" c
      WHERE c."id" = l."check_id" AND c."outcome" IS NOT NULL AND l."error" IS NULL
        AND (l."hit" OR (c."outcome" = 'ALLOWED' AND c."hits" = 0 AND c."total" = 1))`);
    await queryRunner.query(`CREATE INDEX "IDX_dishonest_check_line_hits" ON "dishonest_check_line" ("check_id") WHERE "hit"`);
    await queryRunner.query(`ALTER TABLE "dishonest_check"
      DROP COLUMN "outcome", DROP COLUMN "outcome_reason", DROP COLUMN "outcome_at", DROP COLUMN "outcome_by"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "dishonest_check"
      ADD "outcome" character varying(16),
      ADD "outcome_reason" character varying(500),
      ADD "outcome_at" TIMESTAMP WITH TIME ZONE,
      ADD "outcome_by" uuid REFERENCES "hub_user"("id")`);
    // The first outcome reported for a subject of the check stands for the check.
    await queryRunner.query(`UPDATE "dishonest_check" c
      SET "outcome" = l."outcome", "outcome_reason" = l."outcome_reason", "outcome_at" = l."outcome_at", "outcome_by" = l."outcome_by"
      FROM (SELECT DISTINCT ON ("check_id") * FROM "dishonest_check_line" WHERE "outcome" IS NOT NULL ORDER BY "check_id", "outcome_at") l
      WHERE l."check_id" = c."id"`);
    await queryRunner.query(`DROP INDEX "IDX_dishonest_check_line_hits"`);
    await queryRunner.query(`ALTER TABLE "dishonest_check_line"
      DROP COLUMN "outcome", DROP COLUMN "outcome_reason", DROP COLUMN "outcome_at", DROP COLUMN "outcome_by"`);
  }
}
