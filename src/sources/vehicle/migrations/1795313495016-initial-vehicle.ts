import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialVehicle1795313495016 implements MigrationInterface {
  name = 'InitialVehicle1795313495016';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "vehicle" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plate" character varying(16) NOT NULL, "vin" character varying(17) NOT NULL, "make" character varying(60) NOT NULL, "model" character varying(60) NOT NULL, "owner_id_number" character varying(18) NOT NULL, "owner_name" character varying(200) NOT NULL, "registered_on" date NOT NULL, "status" character varying(16) NOT NULL, CONSTRAINT "PK_187fa17ba39d367e5604b3d1ec9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_51922d0c6647cb10de3f76ba4e" ON "vehicle"  ("plate") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_960e864037056a9e38cb4277bd" ON "vehicle"  ("vin") `);
    await queryRunner.query(`CREATE INDEX "IDX_32baccd3e4bc263ec1c80b1cfc" ON "vehicle"  ("owner_id_number") `);
    await queryRunner.query(
      `CREATE TABLE "vehicle_encumbrance" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "vehicle_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "holder" character varying(200) NOT NULL, "case_no" character varying(40), "amount" numeric(18,2), "registered_on" date NOT NULL, "released_on" date, CONSTRAINT "PK_a42d42efb4e221dc051809cd03f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f7fb7d18d9cdcc5fee73abc400" ON "vehicle_encumbrance"  ("vehicle_id") `);
    await queryRunner.query(
      `ALTER TABLE "vehicle_encumbrance" ADD CONSTRAINT "FK_f7fb7d18d9cdcc5fee73abc400d" FOREIGN KEY ("vehicle_id") REFERENCES "vehicle"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vehicle_encumbrance" DROP CONSTRAINT "FK_f7fb7d18d9cdcc5fee73abc400d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f7fb7d18d9cdcc5fee73abc400"`);
    await queryRunner.query(`DROP TABLE "vehicle_encumbrance"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_32baccd3e4bc263ec1c80b1cfc"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_960e864037056a9e38cb4277bd"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_51922d0c6647cb10de3f76ba4e"`);
    await queryRunner.query(`DROP TABLE "vehicle"`);
  }
}
