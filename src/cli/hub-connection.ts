import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { Queryable } from '../audit/insert-entries';
import type { HubConfig } from '../config';
import { startEmbeddedPostgres } from '../databases/embedded-postgres';
import { HUB_DATABASE } from '../sources/source-name';

/**
 * The hub database's URL for a command-line tool: HUB_DATABASE_URL if set, else the embedded server of the data
 * directory — the one `npm start` runs, found through its `postmaster.pid`, or else started for the duration of the
 * command (`close` stops only what it started).
 */
export async function hubDatabaseUrl(config: HubConfig): Promise<{ url: string; close(): Promise<void> }> {
  if (config.databaseUrls.hub) return { url: config.databaseUrls.hub, close: async () => {} };
  if (!fs.existsSync(path.join(config.dataDir, 'pg-password'))) {
    throw new Error(`no hub database in ${config.dataDir}: set HUB_DATABASE_URL or run npm start once first`);
  }
  const cluster = await startEmbeddedPostgres(config.dataDir, [HUB_DATABASE.database], () => {}, { shareRunning: true });
  return { url: cluster.url(HUB_DATABASE.database), close: () => cluster.stop() };
}

/** The hub database for a command-line tool, found as `hubDatabaseUrl` says. */
export async function connectHub(config: HubConfig): Promise<{ db: Queryable; close(): Promise<void> }> {
  const hub = await hubDatabaseUrl(config);
  const client = new Client({ connectionString: hub.url, application_name: 'fuyuantong-audit-cli' });
  try {
    await client.connect();
  } catch (error) {
    await hub.close();
    throw error;
  }
  return {
    db: { query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows },
    close: async () => {
      await client.end();
      await hub.close();
    },
  };
}

/** `--name value` pairs; a flag given twice or without a value is an error. */
export function parseOptions(argv: string[], allowed: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]?.replace(/^--/, '');
    const value = argv[i + 1];
    if (!argv[i].startsWith('--') || !allowed.includes(name) || value === undefined || value.startsWith('--') || name in out) {
      throw new UsageError(`unexpected argument "${argv[i]}"`);
    }
    out[name] = value;
  }
  return out;
}

export class UsageError extends Error {}
