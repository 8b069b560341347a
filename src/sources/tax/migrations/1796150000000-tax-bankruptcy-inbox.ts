import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tax authority's side of bankruptcy coordination: its inbox of claim notices and credit-repair requests, its
 * answers, and the record of each credit-grade re-evaluation after an approved reorganisation plan.
 */
export class TaxBankruptcyInbox1796150000000 implements MigrationInterface {
  name = 'TaxBankruptcyInbox1796150000000';

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
      CONSTRAINT "PK_tax_bankruptcy_inbox" PRIMARY KEY ("request_id"))`);
    await queryRunner.query(`CREATE TABLE "bankruptcy_receipt" (
      "request_id" uuid NOT NULL REFERENCES "bankruptcy_inbox"("request_id"),
      "decision" character varying(16) NOT NULL,
      "answer" jsonb NOT NULL DEFAULT '{}',
      "reason" character varying(300),
      "answered_by" character varying(64) NOT NULL,
      "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_tax_bankruptcy_receipt" PRIMARY KEY ("request_id"))`);
    await queryRunner.query(`CREATE TABLE "tax_credit_evaluation" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "taxpayer_id_number" character varying(18) NOT NULL,
      "request_id" uuid UNIQUE,
      "previous_grade" character varying(1),
      "new_grade" character varying(1) NOT NULL,
      "basis" character varying(300) NOT NULL,
      "evaluated_on" date NOT NULL,
      CONSTRAINT "PK_tax_credit_evaluation" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_tax_credit_evaluation_taxpayer" ON "tax_credit_evaluation" ("taxpayer_id_number")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "tax_credit_evaluation"`);
    await queryRunner.query(`DROP TABLE "bankruptcy_receipt"`);
    await queryRunner.query(`DROP TABLE "bankruptcy_inbox"`);
  }
}
