import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Asset control (seizures, freezes, deductions, renewals, releases): the orders, their history and the
 * notifications to the organisations concerned; an agency organisation names the source it answers for.
 */
export class ControlOrders1795500000000 implements MigrationInterface {
  name = 'ControlOrders1795500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisation" ADD "source" character varying(32)`);
    await queryRunner.query(`CREATE TABLE "control_order" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "case_id" uuid NOT NULL REFERENCES "execution_case"("id"),
      "court_id" uuid NOT NULL REFERENCES "organisation"("id"),
      "subject_id" uuid NOT NULL REFERENCES "subject"("id"),
      "source" character varying(32) NOT NULL,
      "kind" character varying(16) NOT NULL,
      "asset_class" character varying(24) NOT NULL,
      "asset_key" character varying(100) NOT NULL,
      "amount" numeric(18,2),
      "period_days" integer,
      "ruling_no" character varying(60) NOT NULL,
      "ruling_date" date NOT NULL,
      "notice_no" character varying(60) NOT NULL,
      "notice_date" date NOT NULL,
      "parent_id" uuid REFERENCES "control_order"("id"),
      "state" character varying(20) NOT NULL,
      "rank" integer,
      "registration_no" character varying(64),
      "registered_from" date,
      "registered_until" date,
      "amount_frozen" numeric(18,2),
      "rejection_reason" character varying(300),
      "drafted_by" uuid NOT NULL REFERENCES "hub_user"("id"),
      "approved_by" uuid REFERENCES "hub_user"("id"),
      "delivered_at" TIMESTAMP WITH TIME ZONE,
      "answered_at" TIMESTAMP WITH TIME ZONE,
      "warned_at" TIMESTAMP WITH TIME ZONE,
      "version" integer NOT NULL DEFAULT 1,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_control_order" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_control_order_case" ON "control_order" ("case_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_control_order_court_state" ON "control_order" ("court_id", "state", "created_at")`);
    await queryRunner.query(`CREATE INDEX "IDX_control_order_asset" ON "control_order" ("source", "asset_key")`);
    await queryRunner.query(`CREATE INDEX "IDX_control_order_state_until" ON "control_order" ("state", "registered_until")`);
    await queryRunner.query(`CREATE TABLE "control_order_event" (
      "id" bigserial NOT NULL,
      "order_id" uuid NOT NULL REFERENCES "control_order"("id"),
      "at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "actor" character varying(64),
      "organisation_code" character varying(64),
      "action" character varying(24) NOT NULL,
      "state" character varying(20) NOT NULL,
      "note" character varying(500),
      CONSTRAINT "PK_control_order_event" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_control_order_event_order" ON "control_order_event" ("order_id", "id")`);
    await queryRunner.query(`CREATE TABLE "notification" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "organisation_id" uuid NOT NULL REFERENCES "organisation"("id"),
      "user_id" uuid REFERENCES "hub_user"("id"),
      "order_id" uuid REFERENCES "control_order"("id"),
      "kind" character varying(32) NOT NULL,
      "message" character varying(500) NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "read_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_notification" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_notification_organisation" ON "notification" ("organisation_id", "created_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP TABLE "control_order_event"`);
    await queryRunner.query(`DROP TABLE "control_order"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "source"`);
  }
}
