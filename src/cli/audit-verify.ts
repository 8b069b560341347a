/**
 * Verifies the audit chain and its signed checkpoints:
 *   npm run audit:verify -- [--from <seq>] [--to <seq>] [--public-key <file.pem>] [--checkpoints <file.jsonl>]
 * Exit code 0 when intact, 1 with the first bad sequence number and why, 2 on a usage error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CHECKPOINT_FILE, readCheckpointFile } from '../audit/audit-checkpoints';
import { AUDIT_KEY_FILE, AuditKeys } from '../audit/audit-keys';
import { verifyAuditChain } from '../audit/audit-verifier';
import { loadConfig } from '../config';
import { connectHub, parseOptions, UsageError } from './hub-connection';

const SEQ = /^[1-9]\d{0,17}$/;

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2), ['from', 'to', 'public-key', 'checkpoints']);
  for (const name of ['from', 'to'])
    if (options[name] !== undefined && !SEQ.test(options[name])) throw new UsageError(`--${name} must be a positive whole number`);
  const config = loadConfig();
  // An auditor may verify with nothing but the published public key; otherwise the hub's own key is used.
  let keys: AuditKeys;
  if (options['public-key']) keys = AuditKeys.publicOnly([fs.readFileSync(options['public-key'], 'utf8')]);
  else if (config.audit.signingKeyPem || fs.existsSync(path.join(config.dataDir, 'keys', AUDIT_KEY_FILE)))
    keys = AuditKeys.load(config.dataDir, config.audit.signingKeyPem);
  else throw new UsageError('no audit key in the data directory: pass --public-key <file.pem>');
  const external = readCheckpointFile(options.checkpoints ?? path.join(config.dataDir, CHECKPOINT_FILE));
  const hub = await connectHub(config);
  try {
    const started = performance.now();
    const report = await verifyAuditChain(hub.db, keys.verifier, {
      fromSeq: options.from ? BigInt(options.from) : undefined,
      toSeq: options.to ? BigInt(options.to) : undefined,
      externalCheckpoints: external,
    });
    const seconds = (performance.now() - started) / 1000;
    if (report.ok) {
      console.log(`${report.message} in ${seconds.toFixed(1)} s`);
      return 0;
    }
    console.log(`FAILED at seq ${report.firstBadSeq}: ${report.problem}: ${report.message}`);
    return 1;
  } finally {
    await hub.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`audit:verify: ${error instanceof Error ? error.message : error}`);
    if (error instanceof UsageError)
      console.error('usage: npm run audit:verify -- [--from <seq>] [--to <seq>] [--public-key <file.pem>] [--checkpoints <file.jsonl>]');
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
