/**
 * Writes a migration for one database from the difference between its entities and its committed migrations:
 *   npm run migration:generate -- <hub|a source's name, e.g. socialSecurity> <Name>
 * It runs the committed migrations on a throwaway embedded cluster, then diffs the schema.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseKey } from '../config';
import { createDataSource, databaseSchemas } from '../databases/data-sources';
import { startEmbeddedPostgres } from '../databases/embedded-postgres';
import { SOURCES } from '../sources/registry';

/** Where each database's migrations live: the hub's in migrations/hub, a source's in its own folder. */
function migrationFolder(key: DatabaseKey): string {
  const source = SOURCES.find((s) => s.name === key);
  return source ? path.join('src', 'sources', source.folder, 'migrations') : path.join('migrations', 'hub');
}

async function main(): Promise<void> {
  const [key, name] = process.argv.slice(2) as [DatabaseKey, string];
  if (!(key in databaseSchemas()) || !/^[A-Z][A-Za-z0-9]+$/.test(name ?? '')) {
    console.error('usage: npm run migration:generate -- <database> <PascalCaseName>');
    process.exit(2);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuyuantong-migration-'));
  const pg = await startEmbeddedPostgres(dir, ['scratch']);
  try {
    const { dataSource } = createDataSource(key, pg.url('scratch'));
    await dataSource.initialize();
    await dataSource.runMigrations();
    const sql = await dataSource.driver.createSchemaBuilder().log();
    await dataSource.destroy();
    if (sql.upQueries.length === 0) {
      console.log('no changes');
      return;
    }
    const stamp = Date.now();
    const cls = `${name}${stamp}`;
    const line = (q: { query: string }) => `    await queryRunner.query(\`${q.query.replace(/`/g, '\\`')}\`);`;
    const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
    const file = path.join(migrationFolder(key), `${stamp}-${kebab}.ts`);
    fs.writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${cls} implements MigrationInterface {
  name = '${cls}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries.map(line).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${[...sql.downQueries].reverse().map(line).join('\n')}
  }
}
`,
    );
    console.log(`wrote ${file}; add ${cls} to ${path.join(migrationFolder(key), 'index.ts')}`);
  } finally {
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
