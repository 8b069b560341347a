import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bankruptcy coordination: executions suspended (中止) by an acceptance or a pending transfer, the release tasks
 * of the acceptance sweep with their hand-over to the administrator, and execution-to-bankruptcy transfers (执转破).
 */
export class BankruptcyCoordination1795600000000 implements MigrationInterface {
  name = 'BankruptcyCoordination1795600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "bankruptcy_transfer" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "execution_case_id" uuid NOT NULL REFERENCES "execution_case"("id"),
      "debtor_id" uuid NOT NULL REFERENCES "subject"("id"),
      "court_id" uuid NOT NULL REFERENCES "organisation"("id"),
      "proposed_by" uuid NOT NULL REFERENCES "hub_user"("id"),
      "consent_by" character varying(16) NOT NULL,
      "consent_document_no" character varying(60) NOT NULL,
      "consent_date" date NOT NULL,
      "state" character varying(16) NOT NULL,
      "decide_by" date NOT NULL,
      "return_reason" character varying(300),
      "bankruptcy_case_id" uuid REFERENCES "bankruptcy_case"("id"),
      "decided_by" uuid REFERENCES "hub_user"("id"),
      "decided_at" TIMESTAMP WITH TIME ZONE,
      "overdue_flagged_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_bankruptcy_transfer" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_bankruptcy_transfer_court" ON "bankruptcy_transfer" ("court_id", "state", "created_at")`);
    // One transfer pending per execution case at a time.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_bankruptcy_transfer_pending" ON "bankruptcy_transfer" ("execution_case_id") WHERE "state" = 'PROPOSED'`,
    );
    await queryRunner.query(`CREATE TABLE "execution_suspension" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "execution_case_id" uuid NOT NULL REFERENCES "execution_case"("id"),
      "bankruptcy_case_id" uuid REFERENCES "bankruptcy_case"("id"),
      "transfer_id" uuid REFERENCES "bankruptcy_transfer"("id"),
      "reason" character varying(300) NOT NULL,
      "suspended_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "resumed_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_execution_suspension" PRIMARY KEY ("id"),
      CONSTRAINT "CHK_execution_suspension_cause" CHECK ("bankruptcy_case_id" IS NOT NULL OR "transfer_id" IS NOT NULL))`);
    await queryRunner.query(`CREATE INDEX "IDX_execution_suspension_case" ON "execution_suspension" ("execution_case_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_execution_suspension_bankruptcy" ON "execution_suspension" ("bankruptcy_case_id", "execution_case_id") WHERE "bankruptcy_case_id" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE TABLE "release_task" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "bankruptcy_case_id" uuid NOT NULL REFERENCES "bankruptcy_case"("id"),
      "measure_key" character varying(120) NOT NULL,
      "source" character varying(32) NOT NULL,
      "asset_key" character varying(100) NOT NULL,
      "measure_kind" character varying(16) NOT NULL,
      "control_order_id" uuid REFERENCES "control_order"("id"),
      "release_order_id" uuid REFERENCES "control_order"("id"),
      "ordering_court_id" uuid REFERENCES "organisation"("id"),
      "ordering_court_name" character varying(200) NOT NULL,
      "ordering_case_no" character varying(40),
      "addressed_court_id" uuid NOT NULL REFERENCES "organisation"("id"),
      "registry_details" character varying(500),
      "state" character varying(16) NOT NULL,
      "due_on" date NOT NULL,
      "receipt_no" character varying(64),
      "released_on" date,
      "handed_over_at" TIMESTAMP WITH TIME ZONE,
      "overdue_flagged_at" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_release_task" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_release_task_measure" UNIQUE ("bankruptcy_case_id", "measure_key"))`);
    await queryRunner.query(`CREATE INDEX "IDX_release_task_addressed" ON "release_task" ("addressed_court_id", "state", "due_on")`);
    await queryRunner.query(`CREATE INDEX "IDX_release_task_release_order" ON "release_task" ("release_order_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "release_task"`);
    await queryRunner.query(`DROP TABLE "execution_suspension"`);
    await queryRunner.query(`DROP TABLE "bankruptcy_transfer"`);
  }
}
