import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialTax1795313496797 implements MigrationInterface {
  name = 'InitialTax1795313496797';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "tax_arrear" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "taxpayer_id_number" character varying(18) NOT NULL, "tax_type" character varying(20) NOT NULL, "period" character varying(7) NOT NULL, "amount" numeric(18,2) NOT NULL, "late_fee" numeric(18,2) NOT NULL, "since" date NOT NULL, CONSTRAINT "PK_eec2baf853f0c7469165a22a704" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_02489267a048cbf630e4bfee8d" ON "tax_arrear"  ("taxpayer_id_number") `);
    await queryRunner.query(
      `CREATE TABLE "tax_filing" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "taxpayer_id_number" character varying(18) NOT NULL, "period" character varying(7) NOT NULL, "tax_type" character varying(20) NOT NULL, "taxable_amount" numeric(18,2) NOT NULL, "tax_paid" numeric(18,2) NOT NULL, "filed_on" date NOT NULL, CONSTRAINT "PK_905a300f2a31c613859fcc941a6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_5089307c538e99e560bdb2e0f3" ON "tax_filing"  ("taxpayer_id_number", "period") `);
    await queryRunner.query(
      `CREATE TABLE "tax_refund" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "taxpayer_id_number" character varying(18) NOT NULL, "kind" character varying(16) NOT NULL, "amount" numeric(18,2) NOT NULL, "status" character varying(16) NOT NULL, "applied_on" date NOT NULL, CONSTRAINT "PK_5ed490fe97499c8b70790f46d79" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_aab2d710ffe7feaa82dc24187b" ON "tax_refund"  ("taxpayer_id_number") `);
    await queryRunner.query(
      `CREATE TABLE "taxpayer" ("id_number" character varying(18) NOT NULL, "name" character varying(200) NOT NULL, "kind" character varying(16) NOT NULL, "tax_authority" character varying(100) NOT NULL, "credit_grade" character varying(1), "legal_representative_name" character varying(100), "legal_representative_id_number" character varying(18), "registered_on" date NOT NULL, CONSTRAINT "PK_2160edeba01f12d1a7fa498cdeb" PRIMARY KEY ("id_number"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "taxpayer"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_aab2d710ffe7feaa82dc24187b"`);
    await queryRunner.query(`DROP TABLE "tax_refund"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5089307c538e99e560bdb2e0f3"`);
    await queryRunner.query(`DROP TABLE "tax_filing"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_02489267a048cbf630e4bfee8d"`);
    await queryRunner.query(`DROP TABLE "tax_arrear"`);
  }
}
