import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialMarketSupervision1796133368042 implements MigrationInterface {
  name = 'InitialMarketSupervision1796133368042';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "enterprise_registration" ("credit_code" character varying(18) NOT NULL, "name" character varying(200) NOT NULL, "status" character varying(10) NOT NULL, "registered_address" character varying(200) NOT NULL, "legal_representative_name" character varying(100) NOT NULL, "legal_representative_id_number" character varying(18) NOT NULL, "registered_capital" numeric(18,2) NOT NULL, "established_on" date NOT NULL, "business_scope" text NOT NULL, "registration_authority" character varying(100) NOT NULL, CONSTRAINT "PK_0ea2f035a084038e5bb036028bf" PRIMARY KEY ("credit_code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "shareholding" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "holder_id_number" character varying(18) NOT NULL, "holder_name" character varying(200) NOT NULL, "target_credit_code" character varying(18) NOT NULL, "target_name" character varying(200) NOT NULL, "share_percent" numeric(7,4) NOT NULL, "subscribed_capital" numeric(18,2) NOT NULL, "appraised_value" numeric(18,2), "appraised_on" date, "appraisal_basis" character varying(24), CONSTRAINT "PK_715b0156c838e82696959c55d2a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_0af4f8a2b5713d540427770795" ON "shareholding"  ("holder_id_number") `);
    await queryRunner.query(`CREATE INDEX "IDX_7c06cfe355ae9cdada42377238" ON "shareholding"  ("target_credit_code") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a4ab3af2ce7a10d93e63a3cd85" ON "shareholding"  ("holder_id_number", "target_credit_code") `);
    await queryRunner.query(
      `CREATE TABLE "equity_freeze" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shareholding_id" uuid NOT NULL, "court" character varying(100) NOT NULL, "case_no" character varying(40) NOT NULL, "rank" smallint NOT NULL, "frozen_on" date NOT NULL, "expires_on" date NOT NULL, "released_on" date, CONSTRAINT "PK_d752d8efe510d5b5ea3742fff88" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_4ece1153506543151282010c40" ON "equity_freeze"  ("shareholding_id") `);
    await queryRunner.query(
      `ALTER TABLE "equity_freeze" ADD CONSTRAINT "FK_4ece1153506543151282010c407" FOREIGN KEY ("shareholding_id") REFERENCES "shareholding"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "equity_freeze" DROP CONSTRAINT "FK_4ece1153506543151282010c407"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4ece1153506543151282010c40"`);
    await queryRunner.query(`DROP TABLE "equity_freeze"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a4ab3af2ce7a10d93e63a3cd85"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7c06cfe355ae9cdada42377238"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0af4f8a2b5713d540427770795"`);
    await queryRunner.query(`DROP TABLE "shareholding"`);
    await queryRunner.query(`DROP TABLE "enterprise_registration"`);
  }
}
