/** Prints a bearer token for a user of the hub database: `npm run token -- <username> [--ttl 8h]`. */
import 'reflect-metadata';
import { Client } from 'pg';
import { issueToken } from '../auth/tokens';
import { durationSeconds, loadConfig } from '../config';
import { hubDatabaseUrl } from './hub-connection';

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
  // The running embedded server of `npm start` if it is up; otherwise one started for this lookup.
  const { url, close } = await hubDatabaseUrl(config);
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
