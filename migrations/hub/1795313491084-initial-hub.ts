import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialHub1795313491084 implements MigrationInterface {
  name = 'InitialHub1795313491084';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organisation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "kind" character varying(32) NOT NULL, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6a3122daf3cb06cb4f1f87ae64" ON "organisation"  ("code") `);
    await queryRunner.query(
      `CREATE TABLE "subject" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(16) NOT NULL, "id_number" character varying(18) NOT NULL, "name" character varying(200) NOT NULL, CONSTRAINT "PK_12eee115462e38d62e5455fc054" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_764cff24718f4145e4694d22cb" ON "subject"  ("id_number") `);
    await queryRunner.query(
      `CREATE TABLE "bankruptcy_case" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_no" character varying(40) NOT NULL, "court_id" uuid NOT NULL, "debtor_id" uuid NOT NULL, "acceptance_ruling_no" character varying(60), "status" character varying(16) NOT NULL, "accepted_on" date NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_25e7d337e7bf255acd5d8a7902e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_51fdcd063ea3b23cefb040407c" ON "bankruptcy_case"  ("case_no") `);
    await queryRunner.query(`CREATE INDEX "IDX_36012f34e5080d37a23614eea4" ON "bankruptcy_case"  ("court_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_46318ebf5a5c2e329c69acd106" ON "bankruptcy_case"  ("debtor_id") `);
    await queryRunner.query(
      `CREATE TABLE "administrator_appointment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "firm_id" uuid NOT NULL, "decision_no" character varying(60), "valid_from" date NOT NULL, "valid_to" date, "ended_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3cc6d31423a13be7fe3830f0df9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_176830fe6949891d6a81305b7b" ON "administrator_appointment"  ("case_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a8583bad3829f329f7740b58fe" ON "administrator_appointment"  ("firm_id", "case_id") `);
    await queryRunner.query(
      `CREATE TABLE "execution_case" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_no" character varying(40) NOT NULL, "court_id" uuid NOT NULL, "status" character varying(16) NOT NULL, "filed_on" date NOT NULL, "amount_due" numeric(18,2) NOT NULL, "closed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_04c709d51ca367ed20c743e3faa" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_0aacaa6d19d66cc3f1e03655f7" ON "execution_case"  ("case_no") `);
    await queryRunner.query(`CREATE INDEX "IDX_c1187ba6ade399e7c8b4a1846f" ON "execution_case"  ("court_id") `);
    await queryRunner.query(
      `CREATE TABLE "hub_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying(64) NOT NULL, "display_name" character varying(100) NOT NULL, "role" character varying(16) NOT NULL, "organisation_id" uuid NOT NULL, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_31d6bade4f968a1772ac5795c40" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_cdc94098c2cf1a73af2434d4cb" ON "hub_user"  ("username") `);
    await queryRunner.query(`CREATE INDEX "IDX_6fe19267f239322d480e3603f3" ON "hub_user"  ("organisation_id") `);
    await queryRunner.query(
      `CREATE TABLE "execution_case_clerk" ("case_id" uuid NOT NULL, "user_id" uuid NOT NULL, "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f0c7148ad02ee2bd12eb07645ee" PRIMARY KEY ("case_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_f0c7148ad02ee2bd12eb07645e" ON "execution_case_clerk"  ("user_id", "case_id") `);
    await queryRunner.query(
      `CREATE TABLE "execution_case_respondent" ("case_id" uuid NOT NULL, "subject_id" uuid NOT NULL, CONSTRAINT "PK_e0f3e79f069a29e3efbd6df7bf5" PRIMARY KEY ("case_id", "subject_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_01a7979b58dac1772e73265360" ON "execution_case_respondent"  ("case_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8f1904fa23b8a1a6d36a34ce56" ON "execution_case_respondent"  ("subject_id") `);
    await queryRunner.query(
      `ALTER TABLE "bankruptcy_case" ADD CONSTRAINT "FK_36012f34e5080d37a23614eea44" FOREIGN KEY ("court_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "bankruptcy_case" ADD CONSTRAINT "FK_46318ebf5a5c2e329c69acd106e" FOREIGN KEY ("debtor_id") REFERENCES "subject"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "administrator_appointment" ADD CONSTRAINT "FK_176830fe6949891d6a81305b7b9" FOREIGN KEY ("case_id") REFERENCES "bankruptcy_case"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "administrator_appointment" ADD CONSTRAINT "FK_eecf47f21a15e290a3dafea9115" FOREIGN KEY ("firm_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "execution_case" ADD CONSTRAINT "FK_c1187ba6ade399e7c8b4a1846f2" FOREIGN KEY ("court_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "hub_user" ADD CONSTRAINT "FK_6fe19267f239322d480e3603f33" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "execution_case_clerk" ADD CONSTRAINT "FK_021693eaa180803e3b3936fe773" FOREIGN KEY ("case_id") REFERENCES "execution_case"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "execution_case_clerk" ADD CONSTRAINT "FK_08dc504b7cca7f2ba14f7d9c0f3" FOREIGN KEY ("user_id") REFERENCES "hub_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "execution_case_respondent" ADD CONSTRAINT "FK_01a7979b58dac1772e73265360a" FOREIGN KEY ("case_id") REFERENCES "execution_case"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "execution_case_respondent" ADD CONSTRAINT "FK_8f1904fa23b8a1a6d36a34ce568" FOREIGN KEY ("subject_id") REFERENCES "subject"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "execution_case_respondent" DROP CONSTRAINT "FK_8f1904fa23b8a1a6d36a34ce568"`);
    await queryRunner.query(`ALTER TABLE "execution_case_respondent" DROP CONSTRAINT "FK_01a7979b58dac1772e73265360a"`);
    await queryRunner.query(`ALTER TABLE "execution_case_clerk" DROP CONSTRAINT "FK_08dc504b7cca7f2ba14f7d9c0f3"`);
    await queryRunner.query(`ALTER TABLE "execution_case_clerk" DROP CONSTRAINT "FK_021693eaa180803e3b3936fe773"`);
    await queryRunner.query(`ALTER TABLE "hub_user" DROP CONSTRAINT "FK_6fe19267f239322d480e3603f33"`);
    await queryRunner.query(`ALTER TABLE "execution_case" DROP CONSTRAINT "FK_c1187ba6ade399e7c8b4a1846f2"`);
    await queryRunner.query(`ALTER TABLE "administrator_appointment" DROP CONSTRAINT "FK_eecf47f21a15e290a3dafea9115"`);
    await queryRunner.query(`ALTER TABLE "administrator_appointment" DROP CONSTRAINT "FK_176830fe6949891d6a81305b7b9"`);
    await queryRunner.query(`ALTER TABLE "bankruptcy_case" DROP CONSTRAINT "FK_46318ebf5a5c2e329c69acd106e"`);
    await queryRunner.query(`ALTER TABLE "bankruptcy_case" DROP CONSTRAINT "FK_36012f34e5080d37a23614eea44"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8f1904fa23b8a1a6d36a34ce56"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_01a7979b58dac1772e73265360"`);
    await queryRunner.query(`DROP TABLE "execution_case_respondent"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f0c7148ad02ee2bd12eb07645e"`);
    await queryRunner.query(`DROP TABLE "execution_case_clerk"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6fe19267f239322d480e3603f3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cdc94098c2cf1a73af2434d4cb"`);
    await queryRunner.query(`DROP TABLE "hub_user"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c1187ba6ade399e7c8b4a1846f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0aacaa6d19d66cc3f1e03655f7"`);
    await queryRunner.query(`DROP TABLE "execution_case"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a8583bad3829f329f7740b58fe"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_176830fe6949891d6a81305b7b"`);
    await queryRunner.query(`DROP TABLE "administrator_appointment"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_46318ebf5a5c2e329c69acd106"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_36012f34e5080d37a23614eea4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_51fdcd063ea3b23cefb040407c"`);
    await queryRunner.query(`DROP TABLE "bankruptcy_case"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_764cff24718f4145e4694d22cb"`);
    await queryRunner.query(`DROP TABLE "subject"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6a3122daf3cb06cb4f1f87ae64"`);
    await queryRunner.query(`DROP TABLE "organisation"`);
  }
}
