import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialHousingFund1796133346237 implements MigrationInterface {
  name = 'InitialHousingFund1796133346237';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "fund_freeze" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_no" character varying(20) NOT NULL, "court" character varying(100) NOT NULL, "case_no" character varying(40) NOT NULL, "amount" numeric(14,2) NOT NULL, "rank" smallint NOT NULL, "frozen_on" date NOT NULL, "expires_on" date NOT NULL, "released_on" date, CONSTRAINT "PK_e36a4d29bc909c4b56ab48dc4a5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_6db4eaaba187e237422c71ee3a" ON "fund_freeze"  ("account_no") `);
    await queryRunner.query(
      `CREATE TABLE "fund_account" ("account_no" character varying(20) NOT NULL, "holder_id_number" character varying(18) NOT NULL, "holder_name" character varying(100) NOT NULL, "employer_name" character varying(200), "employer_credit_code" character varying(18), "balance" numeric(14,2) NOT NULL, "monthly_contribution" numeric(12,2) NOT NULL, "status" character varying(8) NOT NULL, "last_contribution_month" character varying(7), "opened_on" date NOT NULL, CONSTRAINT "PK_36e1ad032551942b05d0d8602e4" PRIMARY KEY ("account_no"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_715cc29690d9f544ec455b7fc3" ON "fund_account"  ("holder_id_number") `);
    await queryRunner.query(
      `CREATE TABLE "fund_employer_account" ("account_no" character varying(20) NOT NULL, "credit_code" character varying(18) NOT NULL, "name" character varying(200) NOT NULL, "contributing_employees" integer NOT NULL, "monthly_contribution" numeric(14,2) NOT NULL, "status" character varying(8) NOT NULL, "last_contribution_month" character varying(7), "arrears_amount" numeric(14,2) NOT NULL, "arrears_since" date, CONSTRAINT "PK_d5de306d5e576c41670079c4a4d" PRIMARY KEY ("account_no"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6a13816eeec8fb80140a18fbd0" ON "fund_employer_account"  ("credit_code") `);
    await queryRunner.query(
      `ALTER TABLE "fund_freeze" ADD CONSTRAINT "FK_6db4eaaba187e237422c71ee3ab" FOREIGN KEY ("account_no") REFERENCES "fund_account"("account_no") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "fund_freeze" DROP CONSTRAINT "FK_6db4eaaba187e237422c71ee3ab"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6a13816eeec8fb80140a18fbd0"`);
    await queryRunner.query(`DROP TABLE "fund_employer_account"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_715cc29690d9f544ec455b7fc3"`);
    await queryRunner.query(`DROP TABLE "fund_account"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6db4eaaba187e237422c71ee3a"`);
    await queryRunner.query(`DROP TABLE "fund_freeze"`);
  }
}
