import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DatabaseKey } from '../../src/config';
import { DATABASE_KEYS } from '../../src/databases/open-databases';

/** The throwaway cluster started in global setup. */
export function testClusterUrl(database = 'postgres'): string {
  const base = process.env.FYT_TEST_PG_URL;
  if (!base) throw new Error('FYT_TEST_PG_URL is not set: run the tests with `npm test`');
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery<T = Record<string, unknown>>(sql: string, params: unknown[] = [], database = 'postgres'): Promise<T[]> {
  const client = new Client({ connectionString: testClusterUrl(database) });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Six fresh, empty databases for one hub. */
export async function createTestDatabases(): Promise<{
  names: Record<DatabaseKey, string>;
  urls: Record<DatabaseKey, string>;
  drop(): Promise<void>;
}> {
  const prefix = `t_${randomBytes(4).toString('hex')}`;
  const names = Object.fromEntries(DATABASE_KEYS.map((k) => [k, `${prefix}_${k.toLowerCase()}`])) as Record<DatabaseKey, string>;
  for (const name of Object.values(names)) await adminQuery(`CREATE DATABASE "${name}"`);
  const urls = Object.fromEntries(DATABASE_KEYS.map((k) => [k, testClusterUrl(names[k])])) as Record<DatabaseKey, string>;
  return {
    names,
    urls,
    drop: async () => {
      for (const name of Object.values(names)) await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
