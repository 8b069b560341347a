import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialDeposit1796133326290 implements MigrationInterface {
  name = 'InitialDeposit1796133326290';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "deposit_freeze" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "court" character varying(100) NOT NULL, "case_no" character varying(40) NOT NULL, "amount" numeric(18,2) NOT NULL, "rank" smallint NOT NULL, "frozen_on" date NOT NULL, "expires_on" date NOT NULL, "released_on" date, CONSTRAINT "PK_8da0fc89b2c87ba2a8b0cf7c769" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_136af1a370c63e85c9a1b160b3" ON "deposit_freeze"  ("account_id") `);
    await queryRunner.query(
      `CREATE TABLE "bank_account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "holder_id_number" character varying(18) NOT NULL, "holder_name" character varying(200) NOT NULL, "bank_code" character varying(14) NOT NULL, "bank_name" character varying(100) NOT NULL, "account_no" character varying(32) NOT NULL, "type" character varying(8) NOT NULL, "currency" character(3) NOT NULL DEFAULT 'CNY', "balance" numeric(18,2) NOT NULL, "opened_on" date NOT NULL, "status" character varying(8) NOT NULL, CONSTRAINT "PK_f3246deb6b79123482c6adb9745" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_1afb84ddaf32e5274604d12d5a" ON "bank_account"  ("holder_id_number") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e80cf889666b9d776e365e6151" ON "bank_account"  ("bank_code", "account_no") `);
    await queryRunner.query(
      `CREATE TABLE "deposit_deduction" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "court" character varying(100) NOT NULL, "case_no" character varying(40) NOT NULL, "amount" numeric(18,2) NOT NULL, "deducted_on" date NOT NULL, CONSTRAINT "PK_5d3c79b51111f4849327daac158" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_0d6e5ad2e462df7e262d732164" ON "deposit_deduction"  ("account_id") `);
    await queryRunner.query(
      `ALTER TABLE "deposit_freeze" ADD CONSTRAINT "FK_136af1a370c63e85c9a1b160b3b" FOREIGN KEY ("account_id") REFERENCES "bank_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "deposit_deduction" ADD CONSTRAINT "FK_0d6e5ad2e462df7e262d7321644" FOREIGN KEY ("account_id") REFERENCES "bank_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "deposit_deduction" DROP CONSTRAINT "FK_0d6e5ad2e462df7e262d7321644"`);
    await queryRunner.query(`ALTER TABLE "deposit_freeze" DROP CONSTRAINT "FK_136af1a370c63e85c9a1b160b3b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0d6e5ad2e462df7e262d732164"`);
    await queryRunner.query(`DROP TABLE "deposit_deduction"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e80cf889666b9d776e365e6151"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1afb84ddaf32e5274604d12d5a"`);
    await queryRunner.query(`DROP TABLE "bank_account"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_136af1a370c63e85c9a1b160b3"`);
    await queryRunner.query(`DROP TABLE "deposit_freeze"`);
  }
}
