import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How a bankruptcy case ended (README "Bankruptcy coordination → Closing the case"): the outcome, the ruling and its
 * date; and, for each execution the acceptance suspended, when the conclusion of the bankruptcy terminated it
 * (终结执行) — a dismissal or withdrawal resumes it instead (`resumed_at`).
 */
export class BankruptcyCaseClosing1796400000000 implements MigrationInterface {
  name = 'BankruptcyCaseClosing1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "bankruptcy_case" ADD "closing_outcome" character varying(16), ADD "closing_ruling_no" character varying(60), ADD "closed_on" date`,
    );
    await queryRunner.query(`ALTER TABLE "execution_suspension" ADD "terminated_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "execution_suspension" DROP COLUMN "terminated_at"`);
    await queryRunner.query(`ALTER TABLE "bankruptcy_case" DROP COLUMN "closed_on", DROP COLUMN "closing_ruling_no", DROP COLUMN "closing_outcome"`);
  }
}
