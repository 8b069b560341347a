import { Client } from 'pg';
import { connectAndMigrate, DATABASE_KEYS } from '../../src/databases/open-databases';
import { generateSynthetic } from '../../src/seed/synthetic-generator';
import { generateChunk } from '../../src/seed/synthetic-rows';
import { SOURCES } from '../../src/sources/registry';
import { createTestDatabases } from '../support/test-databases';

const SPEC = { persons: 400, enterprises: 40, seed: 'synthetic-seed-test' };

describe('synthetic seeding into every registered source', () => {
  let dbs: Awaited<ReturnType<typeof createTestDatabases>>;

  beforeAll(async () => {
    dbs = await createTestDatabases();
    for (const key of DATABASE_KEYS) await (await connectAndMigrate(key, dbs.urls[key], { migrate: true })).dataSource.destroy();
  });
  afterAll(async () => {
    await dbs?.drop();
  });

  async function count(key: string, table: string): Promise<number> {
    const client = new Client({ connectionString: dbs.urls[key as keyof typeof dbs.urls] });
    await client.connect();
    try {
      return Number((await client.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
    } finally {
      await client.end();
    }
  }

  it('writes every generated row of every source table, with columns from the entity metadata, and nothing twice', async () => {
    const first = await generateSynthetic(dbs.urls, SPEC);
    const rows = generateChunk(SPEC, 0) as unknown as Record<string, Record<string, unknown[]>>;
    for (const source of SOURCES) {
      const tables = Object.keys(first.inserted).filter((k) => k.startsWith(`${source.name}.`));
      expect(tables).toHaveLength(Object.keys(source.synthetic).length);
      Object.keys(source.synthetic).forEach((rowsKey, i) => {
        expect([tables[i], first.inserted[tables[i]]]).toEqual([tables[i], rows[source.name][rowsKey].length]);
      });
      expect(tables.reduce((sum, table) => sum + first.inserted[table], 0)).toBeGreaterThan(0);
      for (const table of tables) {
        expect([table, await count(source.name, table.slice(source.name.length + 1))]).toEqual([table, first.inserted[table]]);
      }
    }
    // An array column arrives as an array, a date as a date.
    const client = new Client({ connectionString: dbs.urls.socialSecurity });
    await client.connect();
    try {
      const { rows: persons } = await client.query(`SELECT insurance_types FROM insured_person WHERE cardinality(insurance_types) > 1 LIMIT 1`);
      expect(Array.isArray(persons[0].insurance_types)).toBe(true);
    } finally {
      await client.end();
    }

    const again = await generateSynthetic(dbs.urls, SPEC);
    expect(Object.entries(again.inserted).filter(([, n]) => n > 0)).toEqual([]);
  });
});
