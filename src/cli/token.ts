/** Prints a bearer token for a user of the hub database: `npm run token -- <username> [--ttl 8h]`. */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { issueToken } from '../auth/tokens';
import { durationSeconds, loadConfig } from '../config';
import { resolveDatabases } from '../databases/open-databases';
import { HUB_DATABASE } from '../sources/source-name';

async function userExists(url: string, username: string): Promise<{ found: boolean; disabled: boolean }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT disabled_at FROM hub_user WHERE username = $1', [username]);
    return { found: rows.length > 0, disabled: rows[0]?.disabled_at != null };
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const username = args.find((a) => !a.startsWith('--'));
  const ttlIndex = args.indexOf('--ttl');
  const ttl = ttlIndex >= 0 ? args[ttlIndex + 1] : undefined;
  if (!username || (ttlIndex >= 0 && !/^\d+[smhd]$/.test(ttl ?? ''))) {
    console.error('usage: npm run token -- <username> [--ttl 8h]');
    process.exit(2);
  }
  const config = loadConfig();
  if (ttl && (durationSeconds(ttl) ?? Infinity) > config.auth.maxTokenLifetimeSeconds) {
    console.error(`--ttl ${ttl} is longer than the hub accepts (JWT_MAX_LIFETIME, ${config.auth.maxTokenLifetimeSeconds} s)`);
    process.exit(2);
  }
  let url = config.databaseUrls.hub;
  let close = async () => {};
  if (!url) {
    // Reuse the running embedded server if `npm start` is up; otherwise start it for this lookup.
    const passwordFile = path.join(config.dataDir, 'pg-password');
    if (!fs.existsSync(passwordFile)) throw new Error(`no hub database in ${config.dataDir}: run npm start once first`);
    const password = fs.readFileSync(passwordFile, 'utf8').trim();
    const embeddedUrl = `postgres://fuyuantong:${encodeURIComponent(password)}@127.0.0.1:${config.embeddedPostgresPort}/${HUB_DATABASE.database}`;
    try {
      await userExists(embeddedUrl, '');
      url = embeddedUrl;
    } catch {
      const opened = await resolveDatabases({ ...config, databaseUrls: { ...config.databaseUrls } });
      url = opened.urls.hub;
      close = opened.close;
    }
  }
  try {
    const user = await userExists(url, username);
    if (!user.found) throw new Error(`no user "${username}" in the hub database`);
    if (user.disabled) throw new Error(`user "${username}" is disabled`);
    console.log(await issueToken(config, username, ttl));
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(`token: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
