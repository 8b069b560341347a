import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The courts' working calendar as the operator keeps it (README "Bankruptcy coordination → Release tasks"): public
 * holidays and make-up working days (调休) of the State Council's yearly notice, on top of HOLIDAYS / MAKEUP_WORKDAYS.
 */
export class WorkingCalendar1795990000000 implements MigrationInterface {
  name = 'WorkingCalendar1795990000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "working_calendar" (
         "date" date PRIMARY KEY,
         "kind" varchar(16) NOT NULL CHECK ("kind" IN ('HOLIDAY', 'MAKEUP_WORKDAY')),
         "note" varchar(100),
         "updated_at" timestamptz NOT NULL DEFAULT now()
       )`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "working_calendar"`);
  }
}
