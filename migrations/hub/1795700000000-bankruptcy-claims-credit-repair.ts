import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bankruptcy claims of the tax and social-security agencies (one per agency and case, with its lines), the
 * reorganisation plan's approval, credit-repair requests with one delivery per agency, and the history of both.
 */
export class BankruptcyClaimsCreditRepair1795700000000 implements MigrationInterface {
  name = 'BankruptcyClaimsCreditRepair1795700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "bankruptcy_claim" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "case_id" uuid NOT NULL REFERENCES "bankruptcy_case"("id"),
      "source" character varying(32) NOT NULL,
      "kind" character varying(24) NOT NULL,
      "priority_class" character varying(24) NOT NULL,
      "state" character varying(16) NOT NULL,
      "as_of" date NOT NULL,
      "creditor" character varying(100),
      "principal" numeric(18,2),
      "late_fees" numeric(18,2),
      "lines" jsonb NOT NULL DEFAULT '[]',
      "dispute_reason" character varying(500),
      "delivered_at" TIMESTAMP WITH TIME ZONE,
      "filed_at" TIMESTAMP WITH TIME ZONE,
      "filed_by" character varying(64),
      "decided_at" TIMESTAMP WITH TIME ZONE,
      "decided_by" uuid REFERENCES "hub_user"("id"),
      "version" integer NOT NULL DEFAULT 1,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_bankruptcy_claim" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_bankruptcy_claim_case_source" UNIQUE ("case_id", "source"))`);
    await queryRunner.query(`CREATE TABLE "reorganisation_plan_approval" (
      "case_id" uuid NOT NULL REFERENCES "bankruptcy_case"("id"),
      "ruling_no" character varying(60) NOT NULL,
      "ruling_date" date NOT NULL,
      "recorded_by" uuid NOT NULL REFERENCES "hub_user"("id"),
      "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_reorganisation_plan_approval" PRIMARY KEY ("case_id"))`);
    await queryRunner.query(`CREATE TABLE "credit_repair_request" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "case_id" uuid NOT NULL REFERENCES "bankruptcy_case"("id"),
      "reasons" character varying(2000) NOT NULL,
      "documents" jsonb NOT NULL DEFAULT '[]',
      "requested_by" uuid NOT NULL REFERENCES "hub_user"("id"),
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_credit_repair_request" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_credit_repair_request_case" ON "credit_repair_request" ("case_id", "created_at")`);
    await queryRunner.query(`CREATE TABLE "credit_repair_delivery" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "request_id" uuid NOT NULL REFERENCES "credit_repair_request"("id"),
      "source" character varying(32) NOT NULL,
      "state" character varying(16) NOT NULL,
      "outcome" character varying(500),
      "delivered_at" TIMESTAMP WITH TIME ZONE,
      "answered_at" TIMESTAMP WITH TIME ZONE,
      "answered_by" character varying(64),
      "version" integer NOT NULL DEFAULT 1,
      CONSTRAINT "PK_credit_repair_delivery" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_credit_repair_delivery_source" UNIQUE ("request_id", "source"))`);
    await queryRunner.query(`CREATE TABLE "bankruptcy_event" (
      "id" bigserial NOT NULL,
      "ref_id" uuid NOT NULL,
      "at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "actor" character varying(64),
      "action" character varying(24) NOT NULL,
      "state" character varying(20) NOT NULL,
      "note" character varying(500),
      CONSTRAINT "PK_bankruptcy_event" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_bankruptcy_event_ref" ON "bankruptcy_event" ("ref_id", "id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "bankruptcy_event"`);
    await queryRunner.query(`DROP TABLE "credit_repair_delivery"`);
    await queryRunner.query(`DROP TABLE "credit_repair_request"`);
    await queryRunner.query(`DROP TABLE "reorganisation_plan_approval"`);
    await queryRunner.query(`DROP TABLE "bankruptcy_claim"`);
  }
}
