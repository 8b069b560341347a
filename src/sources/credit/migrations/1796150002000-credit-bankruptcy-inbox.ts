import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The credit platform's side of bankruptcy coordination: its inbox of credit-repair requests and its answers. */
export class CreditBankruptcyInbox1796150002000 implements MigrationInterface {
  name = 'CreditBankruptcyInbox1796150002000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "bankruptcy_inbox" (
      "request_id" uuid NOT NULL,
      "kind" character varying(24) NOT NULL,
      "court" character varying(100) NOT NULL,
      "case_no" character varying(40) NOT NULL,
      "subject_id_number" character varying(18) NOT NULL,
      "subject_name" character varying(200) NOT NULL,
      "as_of" date NOT NULL,
      "ruling_no" character varying(60),
      "ruling_date" date,
      "content" jsonb NOT NULL DEFAULT '{}',
      "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_credit_bankruptcy_inbox" PRIMARY KEY ("request_id"))`);
    await queryRunner.query(`CREATE TABLE "bankruptcy_receipt" (
      "request_id" uuid NOT NULL REFERENCES "bankruptcy_inbox"("request_id"),
      "decision" character varying(16) NOT NULL,
      "answer" jsonb NOT NULL DEFAULT '{}',
      "reason" character varying(300),
      "answered_by" character varying(64) NOT NULL,
      "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_credit_bankruptcy_receipt" PRIMARY KEY ("request_id"))`);
    // A repair granted through the hub names its request: a second processing finds it and writes nothing.
    await queryRunner.query(`ALTER TABLE "credit_repair" ADD "request_id" uuid`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_credit_repair_request" ON "credit_repair" ("request_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_credit_repair_request"`);
    await queryRunner.query(`ALTER TABLE "credit_repair" DROP COLUMN "request_id"`);
    await queryRunner.query(`DROP TABLE "bankruptcy_receipt"`);
    await queryRunner.query(`DROP TABLE "bankruptcy_inbox"`);
  }
}
