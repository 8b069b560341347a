import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { Queryable } from '../audit/insert-entries';
import type { HubConfig } from '../config';
import { resolveDatabases } from '../databases/open-databases';
import { HUB_DATABASE } from '../sources/source-name';

/**
 * The hub database for a command-line tool: HUB_DATABASE_URL if set, else the embedded server of `npm start`
 * if it is up, else the embedded cluster in the data directory, started for the duration of the command.
 */
export async function connectHub(config: HubConfig): Promise<{ db: Queryable; close(): Promise<void> }> {
  let url = config.databaseUrls.hub;
  let stopEmbedded = async () => {};
  if (!url) {
    const passwordFile = path.join(config.dataDir, 'pg-password');
    if (!fs.existsSync(passwordFile)) throw new Error(`no hub database in ${config.dataDir}: set HUB_DATABASE_URL or run npm start once first`);
    const password = fs.readFileSync(passwordFile, 'utf8').trim();
    url = `postgres://fuyuantong:${encodeURIComponent(password)}@127.0.0.1:${config.embeddedPostgresPort}/${HUB_DATABASE.database}`;
    const probe = new Client({ connectionString: url });
    try {
      await probe.connect();
      await probe.end();
    } catch {
      const opened = await resolveDatabases({ ...config, databaseUrls: { ...config.databaseUrls } });
      url = opened.urls.hub;
      stopEmbedded = opened.close;
    }
  }
  const client = new Client({ connectionString: url, application_name: 'fuyuantong-audit-cli' });
  await client.connect();
  return {
    db: { query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows },
    close: async () => {
      await client.end();
      await stopEmbedded();
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
