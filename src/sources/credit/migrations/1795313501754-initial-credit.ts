import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialCredit1795313501754 implements MigrationInterface {
  name = 'InitialCredit1795313501754';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "administrative_penalty" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject_id_number" character varying(18) NOT NULL, "authority" character varying(100) NOT NULL, "decision_no" character varying(60) NOT NULL, "reason" character varying(300) NOT NULL, "fine" numeric(18,2), "decided_on" date NOT NULL, CONSTRAINT "PK_3ad4bf41b3e69a2a96b9cb67104" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_5c5f9dc041836a2557f59345b0" ON "administrative_penalty"  ("subject_id_number") `);
    await queryRunner.query(
      `CREATE TABLE "consumption_restriction" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject_id_number" character varying(18) NOT NULL, "court" character varying(100) NOT NULL, "case_no" character varying(40) NOT NULL, "issued_on" date NOT NULL, "lifted_on" date, CONSTRAINT "PK_0e1051bbfc118823386e76ad26a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_65051deadb4eed2511864de5cb" ON "consumption_restriction"  ("subject_id_number") `);
    await queryRunner.query(
      `CREATE TABLE "credit_repair" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject_id_number" character varying(18) NOT NULL, "basis_case_no" character varying(40) NOT NULL, "authority" character varying(100) NOT NULL, "description" character varying(300) NOT NULL, "repaired_on" date NOT NULL, CONSTRAINT "PK_aadce4b99881bd0e524098ccb47" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_efcf0a6f695ebc26bd05b81b84" ON "credit_repair"  ("subject_id_number") `);
    await queryRunner.query(
      `CREATE TABLE "dishonest_debtor_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject_id_number" character varying(18) NOT NULL, "subject_name" character varying(200) NOT NULL, "court" character varying(100) NOT NULL, "case_no" character varying(40) NOT NULL, "obligation" character varying(500) NOT NULL, "circumstance" character varying(200) NOT NULL, "listed_on" date NOT NULL, "removed_on" date, CONSTRAINT "PK_bb0188146018b51f3a9d5d0193d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_45870f277bf4892bcff952da38" ON "dishonest_debtor_entry"  ("subject_id_number") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_45870f277bf4892bcff952da38"`);
    await queryRunner.query(`DROP TABLE "dishonest_debtor_entry"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_efcf0a6f695ebc26bd05b81b84"`);
    await queryRunner.query(`DROP TABLE "credit_repair"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_65051deadb4eed2511864de5cb"`);
    await queryRunner.query(`DROP TABLE "consumption_restriction"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5c5f9dc041836a2557f59345b0"`);
    await queryRunner.query(`DROP TABLE "administrative_penalty"`);
  }
}
