import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The social-security agency's side of bankruptcy coordination: its inbox of claim notices and its answers; and the
 * unpaid contributions (欠缴) of employers per insurance type and month, which a claim is computed from.
 */
export class SocialSecurityBankruptcyInbox1796150001000 implements MigrationInterface {
  name = 'SocialSecurityBankruptcyInbox1796150001000';

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
      CONSTRAINT "PK_ss_bankruptcy_inbox" PRIMARY KEY ("request_id"))`);
    await queryRunner.query(`CREATE TABLE "bankruptcy_receipt" (
      "request_id" uuid NOT NULL REFERENCES "bankruptcy_inbox"("request_id"),
      "decision" character varying(16) NOT NULL,
      "answer" jsonb NOT NULL DEFAULT '{}',
      "reason" character varying(300),
      "answered_by" character varying(64) NOT NULL,
      "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_ss_bankruptcy_receipt" PRIMARY KEY ("request_id"))`);
    await queryRunner.query(`CREATE TABLE "contribution_arrear" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "employer_id_number" character varying(18) NOT NULL,
      "insurance_type" character varying(16) NOT NULL,
      "period" character varying(7) NOT NULL,
      "amount" numeric(18,2) NOT NULL,
      "overdue_since" date NOT NULL,
      CONSTRAINT "PK_contribution_arrear" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_contribution_arrear_employer" ON "contribution_arrear" ("employer_id_number")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "contribution_arrear"`);
    await queryRunner.query(`DROP TABLE "bankruptcy_receipt"`);
    await queryRunner.query(`DROP TABLE "bankruptcy_inbox"`);
  }
}
