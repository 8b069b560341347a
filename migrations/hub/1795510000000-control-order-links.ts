import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Control orders: a deduction names the freeze it draws on (`freeze_order_id`, the order that registered the
 * freeze); an order records when it was sent to its agency (`sent_at`, from which an answer falls due) and when its
 * court was told the answer is overdue (`overdue_notified_at`).
 */
export class ControlOrderLinks1795510000000 implements MigrationInterface {
  name = 'ControlOrderLinks1795510000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "control_order" ADD "freeze_order_id" uuid REFERENCES "control_order"("id")`);
    await queryRunner.query(`ALTER TABLE "control_order" ADD "sent_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "control_order" ADD "overdue_notified_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE INDEX "IDX_control_order_freeze" ON "control_order" ("freeze_order_id") WHERE "freeze_order_id" IS NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "IDX_control_order_awaiting_answer" ON "control_order" ("court_id", "sent_at", "id") WHERE "answered_at" IS NULL`,
    );
    // Orders sent before this migration: sent when approved.
    await queryRunner.query(`UPDATE "control_order" o SET "sent_at" = e.at
      FROM (SELECT order_id, min(at) AS at FROM "control_order_event" WHERE action = 'APPROVED' GROUP BY order_id) e
      WHERE e.order_id = o.id AND o."sent_at" IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_control_order_awaiting_answer"`);
    await queryRunner.query(`DROP INDEX "IDX_control_order_freeze"`);
    await queryRunner.query(`ALTER TABLE "control_order" DROP COLUMN "overdue_notified_at"`);
    await queryRunner.query(`ALTER TABLE "control_order" DROP COLUMN "sent_at"`);
    await queryRunner.query(`ALTER TABLE "control_order" DROP COLUMN "freeze_order_id"`);
  }
}
