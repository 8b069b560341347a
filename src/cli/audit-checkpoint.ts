/** Signs the audit chain's current head now: `npm run audit:checkpoint`. */
import { createCheckpoint } from '../audit/audit-checkpoints';
import { AuditKeys } from '../audit/audit-keys';
import { loadConfig } from '../config';
import { connectHub } from './hub-connection';

async function main(): Promise<void> {
  const config = loadConfig();
  const keys = AuditKeys.load(config.dataDir, config.audit.signingKeyPem);
  const hub = await connectHub(config);
  try {
    const checkpoint = await createCheckpoint(hub.db, keys, config.dataDir);
    console.log(checkpoint ? JSON.stringify(checkpoint) : 'the audit log is empty: nothing to sign');
  } finally {
    await hub.close();
  }
}

main().catch((error) => {
  console.error(`audit:checkpoint: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
