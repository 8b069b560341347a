import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each deduction (扣划) names the freeze it draws on; deductions recorded before (or by the bank itself) name none.
 */
export class DepositDeductionFreeze1796143000000 implements MigrationInterface {
  name = 'DepositDeductionFreeze1796143000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "deposit_deduction" ADD "freeze_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "deposit_deduction" ADD CONSTRAINT "FK_deposit_deduction_freeze" FOREIGN KEY ("freeze_id") REFERENCES "deposit_freeze"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_deposit_deduction_freeze" ON "deposit_deduction" ("freeze_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_deposit_deduction_freeze"`);
    await queryRunner.query(`ALTER TABLE "deposit_deduction" DROP CONSTRAINT "FK_deposit_deduction_freeze"`);
    await queryRunner.query(`ALTER TABLE "deposit_deduction" DROP COLUMN "freeze_id"`);
  }
}
