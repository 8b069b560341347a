import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agency's side of court assistance (协助执行): the inbox the hub delivers requests into (keyed by the request
 * id, so a delivery retried never registers twice), the receipts the agency writes back, and each seizure's rank
 * (轮候) and the request that registered it.
 */
export class VehicleAssistance1796140002000 implements MigrationInterface {
  name = 'VehicleAssistance1796140002000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "assistance_inbox" ("request_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "asset_key" character varying(100) NOT NULL, "subject_id_number" character varying(18) NOT NULL, "subject_name" character varying(200) NOT NULL, "court" character varying(200) NOT NULL, "case_no" character varying(40) NOT NULL, "amount" numeric(18,2), "period_days" integer, "ruling_no" character varying(60) NOT NULL, "notice_no" character varying(60) NOT NULL, "original_request_id" uuid, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_assistance_inbox" PRIMARY KEY ("request_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_assistance_inbox_received" ON "assistance_inbox" ("received_at", "request_id")`);
    await queryRunner.query(
      `CREATE TABLE "assistance_receipt" ("request_id" uuid NOT NULL REFERENCES "assistance_inbox"("request_id"), "decision" character varying(16) NOT NULL, "registration_no" character varying(64), "rank" integer, "registered_from" date, "registered_until" date, "amount_frozen" numeric(18,2), "reason" character varying(300), "answered_by" character varying(64) NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_assistance_receipt" PRIMARY KEY ("request_id"))`,
    );
    await queryRunner.query(`ALTER TABLE "vehicle_encumbrance" ADD "rank" integer`);
    await queryRunner.query(`ALTER TABLE "vehicle_encumbrance" ADD "request_id" uuid`);
    await queryRunner.query(`ALTER TABLE "vehicle_encumbrance" ADD "expires_on" date`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_vehicle_encumbrance_request" ON "vehicle_encumbrance" ("request_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_vehicle_encumbrance_request"`);
    await queryRunner.query(`ALTER TABLE "vehicle_encumbrance" DROP COLUMN "expires_on"`);
    await queryRunner.query(`ALTER TABLE "vehicle_encumbrance" DROP COLUMN "request_id"`);
    await queryRunner.query(`ALTER TABLE "vehicle_encumbrance" DROP COLUMN "rank"`);
    await queryRunner.query(`DROP TABLE "assistance_receipt"`);
    await queryRunner.query(`DROP TABLE "assistance_inbox"`);
  }
}
