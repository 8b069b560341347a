/**
 * Verifies the audit chain and its signed checkpoints:
 *   npm run audit:verify -- [--from <seq>] [--to <seq>] [--since <ISO time>] [--until <ISO time>]
 *                           [--public-key <file.pem>] [--checkpoints <file.jsonl>] [--threads <n>]
 * Exit code 0 when intact, 1 with the first bad sequence number and why, 2 on a usage error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { CHECKPOINT_FILE, readCheckpointFile } from '../audit/audit-checkpoints';
import { AUDIT_KEY_FILE, AuditKeys } from '../audit/audit-keys';
import { copyOnClients } from '../audit/audit-copy';
import { streamedVerification, verifyAuditChain } from '../audit/audit-verifier';
import type { Queryable } from '../audit/insert-entries';
import { loadConfig } from '../config';
import { hubDatabaseUrl, parseOptions, UsageError } from './hub-connection';

const SEQ = /^[1-9]\d{0,17}$/;
/** Connections: one for the head and the checkpoints, and one for each part of the range streamed with COPY. */
const READERS = 1 + (streamedVerification().streams ?? 1);

function time(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined;
  const parsed = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(parsed.getTime()))
    throw new UsageError(`--${name} must be an ISO date or time, e.g. 2025-01-01 or 2025-01-01T08:00:00+08:00`);
  return parsed;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2), ['from', 'to', 'since', 'until', 'public-key', 'checkpoints', 'threads']);
  for (const name of ['from', 'to'])
    if (options[name] !== undefined && !SEQ.test(options[name])) throw new UsageError(`--${name} must be a positive whole number`);
  if (options.from && options.to && BigInt(options.to) < BigInt(options.from)) throw new UsageError('--to must not be lower than --from');
  const since = time(options.since, 'since');
  const until = time(options.until, 'until');
  if (since && until && until <= since) throw new UsageError('--until must be later than --since');
  if (options.threads !== undefined && !/^\d{1,2}$/.test(options.threads)) throw new UsageError('--threads must be a whole number from 0 to 99');
  const config = loadConfig();
  // An auditor may verify with nothing but the published public key; otherwise the hub's own key is used.
  let keys: AuditKeys;
  if (options['public-key']) keys = AuditKeys.publicOnly([fs.readFileSync(options['public-key'], 'utf8')]);
  else if (config.audit.signingKeyPem || fs.existsSync(path.join(config.dataDir, 'keys', AUDIT_KEY_FILE)))
    keys = AuditKeys.load(config.dataDir, config.audit.signingKeyPem);
  else throw new UsageError('no audit key in the data directory: pass --public-key <file.pem>');
  const external = readCheckpointFile(options.checkpoints ?? path.join(config.dataDir, CHECKPOINT_FILE));
  const hub = await hubDatabaseUrl(config);
  const clients: Client[] = [];
  try {
    for (let i = 0; i < READERS; i += 1) {
      const client = new Client({ connectionString: hub.url, application_name: 'fuyuantong-audit-cli' });
      clients.push(client);
      await client.connect();
    }
    const [db]: Queryable[] = clients.map((client) => ({
      query: async (sql: string, params?: unknown[]) => (await client.query(sql, params)).rows,
    }));
    const started = performance.now();
    const report = await verifyAuditChain(db, keys.verifier, {
      fromSeq: options.from ? BigInt(options.from) : undefined,
      toSeq: options.to ? BigInt(options.to) : undefined,
      from: since,
      to: until,
      externalCheckpoints: external,
      ...streamedVerification(),
      ...(options.threads === undefined ? {} : { threads: Number(options.threads) }),
      copy: copyOnClients(clients.slice(1), { own: true }),
    });
    const seconds = (performance.now() - started) / 1000;
    if (report.ok) {
      console.log(`${report.message} in ${seconds.toFixed(1)} s`);
      return 0;
    }
    console.log(`FAILED at seq ${report.firstBadSeq}: ${report.problem}: ${report.message}`);
    return 1;
  } finally {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    await hub.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`audit:verify: ${error instanceof Error ? error.message : error}`);
    if (error instanceof UsageError)
      console.error(
        'usage: npm run audit:verify -- [--from <seq>] [--to <seq>] [--since <ISO time>] [--until <ISO time>] [--public-key <file.pem>] [--checkpoints <file.jsonl>] [--threads <n>]',
      );
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
