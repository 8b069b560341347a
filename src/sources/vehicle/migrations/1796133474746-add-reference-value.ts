import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddReferenceValue1796133474746 implements MigrationInterface {
  name = 'AddReferenceValue1796133474746';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vehicle" ADD "reference_value" numeric(18,2)`);
    await queryRunner.query(`ALTER TABLE "vehicle" ADD "reference_value_on" date`);
    await queryRunner.query(`ALTER TABLE "vehicle" ADD "reference_value_basis" character varying(24)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vehicle" DROP COLUMN "reference_value_basis"`);
    await queryRunner.query(`ALTER TABLE "vehicle" DROP COLUMN "reference_value_on"`);
    await queryRunner.query(`ALTER TABLE "vehicle" DROP COLUMN "reference_value"`);
  }
}
