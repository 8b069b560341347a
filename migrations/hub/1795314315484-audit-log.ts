import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditLog1795314315484 implements MigrationInterface {
  name = 'AuditLog1795314315484';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_checkpoint" ("seq" bigint NOT NULL, "key_id" character varying(64) NOT NULL, "hash" character(64) NOT NULL, "entry_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "signed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "signature" character varying(128) NOT NULL, CONSTRAINT "PK_ebfa6992f9ab91457b2df98d50c" PRIMARY KEY ("seq", "key_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_entry" ("seq" bigint NOT NULL, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "request_id" character varying(64) NOT NULL, "kind" character varying(16) NOT NULL, "username" character varying(64), "organisation_code" character varying(64), "role" character varying(16), "case_kind" character varying(16), "case_no" character varying(40), "subject_id" uuid, "subject_kind" character varying(16), "subject_id_number" character varying(18), "fields" jsonb NOT NULL, "sources" jsonb NOT NULL, "outcome" character varying(16) NOT NULL, "client_address" character varying(64), "operation_name" character varying(100), "detail" jsonb, "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_21f66d43b031067e85dd638c57d" PRIMARY KEY ("seq", "at")) PARTITION BY RANGE ("at")`,
    );
    // Rows whose month has no partition yet land here, so an append never fails for want of a partition.
    await queryRunner.query(`CREATE TABLE "audit_entry_default" PARTITION OF "audit_entry" DEFAULT`);
    await queryRunner.query(`CREATE INDEX "IDX_9d18bd4a32fc0cd8ff82b12037" ON "audit_entry"  ("at") `);
    await queryRunner.query(`CREATE INDEX "IDX_b3aa1e2a07ab1d482b22ad10ec" ON "audit_entry"  ("outcome", "seq") `);
    await queryRunner.query(`CREATE INDEX "IDX_7e9d229b218338d276e4a5d6cc" ON "audit_entry"  ("subject_id_number", "seq") `);
    await queryRunner.query(`CREATE INDEX "IDX_3467a4430584312e7d91b55b2c" ON "audit_entry"  ("case_no", "seq") `);
    await queryRunner.query(`CREATE INDEX "IDX_8bc7640c3ef33c5f7899e695c8" ON "audit_entry"  ("role", "seq") `);
    await queryRunner.query(`CREATE INDEX "IDX_a8f7000a7a5fdee74db34c169e" ON "audit_entry"  ("organisation_code", "seq") `);
    await queryRunner.query(`CREATE INDEX "IDX_1bbf6845956e6637ac9e0a3a9c" ON "audit_entry"  ("username", "seq") `);
    await queryRunner.query(
      `CREATE TABLE "audit_head" ("id" smallint NOT NULL, "seq" bigint NOT NULL, "hash" character(64) NOT NULL, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT "PK_d3ed64edb3e208e83ccb5da589a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`INSERT INTO "audit_head" ("id", "seq", "hash", "at") VALUES (1, 0, repeat('0', 64), 'epoch')`);

    // Append-only for everyone, the table owner and superusers included (they must first disable the trigger).
    await queryRunner.query(`CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'P0001';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON "audit_entry" FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`,
    );
    // TRUNCATE triggers are per table and not inherited: every partition gets its own (see audit_ensure_partitions).
    await queryRunner.query(
      `CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON "audit_entry" FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON "audit_entry_default" FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON "audit_checkpoint" FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON "audit_checkpoint" FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`,
    );
    await queryRunner.query(`CREATE TRIGGER audit_head_keep BEFORE DELETE ON "audit_head" FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`);
    await queryRunner.query(
      `CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON "audit_head" FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`,
    );

    // Monthly partitions (UTC months), created ahead by the hub at start and daily. SECURITY DEFINER so that a
    // restricted application role can call it without owning the table.
    await queryRunner.query(`CREATE FUNCTION audit_ensure_partitions(months_ahead integer DEFAULT 2) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        first_month timestamp := date_trunc('month', now() AT TIME ZONE 'UTC');
        month_start timestamp;
        part text;
        created integer := 0;
      BEGIN
        FOR i IN 0..greatest(0, least(months_ahead, 24)) LOOP
          month_start := first_month + make_interval(months => i);
          part := 'audit_entry_' || to_char(month_start, 'YYYYMM');
          CONTINUE WHEN to_regclass(part) IS NOT NULL;
          BEGIN
            EXECUTE format('CREATE TABLE %I PARTITION OF audit_entry FOR VALUES FROM (%L) TO (%L)', part,
              month_start AT TIME ZONE 'UTC', (month_start + interval '1 month') AT TIME ZONE 'UTC');
            EXECUTE format('CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()', part);
            -- Reached through the parent only: default privileges must not give anyone direct rights on a partition.
            EXECUTE format('REVOKE ALL ON %I FROM PUBLIC', part);
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fuyuantong_app') THEN
              EXECUTE format('REVOKE ALL ON %I FROM fuyuantong_app', part);
            END IF;
            created := created + 1;
          EXCEPTION WHEN others THEN
            -- Another process created it first, or the default partition already holds rows of that month.
            RAISE WARNING 'audit partition % not created: %', part, SQLERRM;
          END;
        END LOOP;
        RETURN created;
      END $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION audit_ensure_partitions(integer) FROM PUBLIC`);
    await queryRunner.query(`SELECT audit_ensure_partitions(2)`);

    // The application role: ordinary rights on the hub's tables, but only INSERT and SELECT on the log.
    // Created when the migrating role may create roles; otherwise the operator creates it (docs/readme-audit.md).
    await queryRunner.query(`DO $$
      DECLARE
        part text;
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fuyuantong_app')
           AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
          BEGIN
            CREATE ROLE fuyuantong_app NOLOGIN;
          EXCEPTION WHEN others THEN
            NULL; -- created concurrently by another database's migration
          END;
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fuyuantong_app') THEN
          RAISE NOTICE 'role fuyuantong_app not created: grant its rights as in docs/readme-audit.md';
          RETURN;
        END IF;
        EXECUTE 'GRANT USAGE ON SCHEMA public TO fuyuantong_app';
        EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO fuyuantong_app';
        EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO fuyuantong_app';
        EXECUTE 'REVOKE ALL ON audit_entry, audit_checkpoint, audit_head FROM fuyuantong_app';
        EXECUTE 'GRANT SELECT, INSERT ON audit_entry, audit_checkpoint TO fuyuantong_app';
        EXECUTE 'GRANT SELECT, UPDATE ON audit_head TO fuyuantong_app';
        EXECUTE 'GRANT EXECUTE ON FUNCTION audit_ensure_partitions(integer) TO fuyuantong_app';
        FOR part IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_entry'::regclass LOOP
          EXECUTE format('REVOKE ALL ON %I FROM fuyuantong_app', part);
        END LOOP;
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $$
      BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fuyuantong_app') THEN
          EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM fuyuantong_app';
          EXECUTE 'REVOKE ALL ON ALL TABLES IN SCHEMA public FROM fuyuantong_app';
          EXECUTE 'REVOKE ALL ON SCHEMA public FROM fuyuantong_app';
        END IF;
      END $$`);
    await queryRunner.query(`DROP FUNCTION audit_ensure_partitions(integer)`);
    await queryRunner.query(`DROP TABLE "audit_head"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1bbf6845956e6637ac9e0a3a9c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a8f7000a7a5fdee74db34c169e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8bc7640c3ef33c5f7899e695c8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3467a4430584312e7d91b55b2c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7e9d229b218338d276e4a5d6cc"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b3aa1e2a07ab1d482b22ad10ec"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9d18bd4a32fc0cd8ff82b12037"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
    await queryRunner.query(`DROP TABLE "audit_checkpoint"`);
    await queryRunner.query(`DROP FUNCTION audit_refuse_change()`);
  }
}
