import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every statement that changes users or organisations notifies `hub_viewer`, so that hub processes keeping the users
 * requests act for (src/auth/viewer-cache.ts) forget them at once, whoever made the change.
 */
export class ViewerChangeNotices1796800000000 implements MigrationInterface {
  name = 'ViewerChangeNotices1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION hub_viewer_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('hub_viewer', '');
        RETURN NULL;
      END $$`);
    for (const table of ['hub_user', 'organisation']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_viewer_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION hub_viewer_changed()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['hub_user', 'organisation']) await queryRunner.query(`DROP TRIGGER ${table}_viewer_changed ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION hub_viewer_changed()`);
  }
}
