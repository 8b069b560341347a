import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSocialSecurity1795313499684 implements MigrationInterface {
  name = 'InitialSocialSecurity1795313499684';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "insured_employer" ("id_number" character varying(18) NOT NULL, "name" character varying(200) NOT NULL, "insured_employee_count" integer NOT NULL, "arrears_amount" numeric(18,2) NOT NULL, "arrears_since" date, "registered_on" date NOT NULL, CONSTRAINT "PK_a84063096092e9962677d56cc97" PRIMARY KEY ("id_number"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "insured_person" ("id_number" character varying(18) NOT NULL, "name" character varying(100) NOT NULL, "phone" character varying(20), "address" character varying(200), "insured_status" character varying(16) NOT NULL, "employer_id_number" character varying(18), "employer_name" character varying(200), "contribution_base" numeric(12,2), "insurance_types" text array NOT NULL DEFAULT '{}', "medical_plan" character varying(40), "medical_account_balance" numeric(12,2), "designated_hospital" character varying(100), CONSTRAINT "PK_3706bae7d8fd72c86cc77edd859" PRIMARY KEY ("id_number"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_024891971aa8ff22fd02aec223" ON "insured_person"  ("employer_id_number") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_024891971aa8ff22fd02aec223"`);
    await queryRunner.query(`DROP TABLE "insured_person"`);
    await queryRunner.query(`DROP TABLE "insured_employer"`);
  }
}
