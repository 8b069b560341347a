import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddReferenceValue1796133454423 implements MigrationInterface {
  name = 'AddReferenceValue1796133454423';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "real_estate_unit" ADD "reference_value" numeric(18,2)`);
    await queryRunner.query(`ALTER TABLE "real_estate_unit" ADD "reference_value_on" date`);
    await queryRunner.query(`ALTER TABLE "real_estate_unit" ADD "reference_value_basis" character varying(24)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "real_estate_unit" DROP COLUMN "reference_value_basis"`);
    await queryRunner.query(`ALTER TABLE "real_estate_unit" DROP COLUMN "reference_value_on"`);
    await queryRunner.query(`ALTER TABLE "real_estate_unit" DROP COLUMN "reference_value"`);
  }
}
