import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialProperty1795313493311 implements MigrationInterface {
  name = 'InitialProperty1795313493311';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "real_estate_unit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "certificate_no" character varying(60) NOT NULL, "unit_code" character varying(28) NOT NULL, "owner_id_number" character varying(18) NOT NULL, "owner_name" character varying(200) NOT NULL, "location" character varying(200) NOT NULL, "use" character varying(20) NOT NULL, "area" numeric(12,2) NOT NULL, "registered_on" date NOT NULL, CONSTRAINT "PK_8074fb5452db8cda2d2cf5effb6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6d84369ac677f1b106c04e8bf7" ON "real_estate_unit"  ("certificate_no") `);
    await queryRunner.query(`CREATE INDEX "IDX_ce21815a77b1156f45d123bbd2" ON "real_estate_unit"  ("owner_id_number") `);
    await queryRunner.query(
      `CREATE TABLE "real_estate_encumbrance" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "holder" character varying(200) NOT NULL, "case_no" character varying(40), "amount" numeric(18,2), "registered_on" date NOT NULL, "expires_on" date, "released_on" date, CONSTRAINT "PK_d1b358d719f7dd80591ebae2020" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_4022facccc97a995cef3491bf1" ON "real_estate_encumbrance"  ("unit_id") `);
    await queryRunner.query(
      `ALTER TABLE "real_estate_encumbrance" ADD CONSTRAINT "FK_4022facccc97a995cef3491bf1d" FOREIGN KEY ("unit_id") REFERENCES "real_estate_unit"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "real_estate_encumbrance" DROP CONSTRAINT "FK_4022facccc97a995cef3491bf1d"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4022facccc97a995cef3491bf1"`);
    await queryRunner.query(`DROP TABLE "real_estate_encumbrance"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ce21815a77b1156f45d123bbd2"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6d84369ac677f1b106c04e8bf7"`);
    await queryRunner.query(`DROP TABLE "real_estate_unit"`);
  }
}
