/** Prints the public key that verifies audit checkpoints (PEM), and its key id: `npm run audit:public-key`. */
import fs from 'node:fs';
import path from 'node:path';
import { AUDIT_KEY_FILE, AuditKeys } from '../audit/audit-keys';
import { loadConfig } from '../config';

try {
  const config = loadConfig();
  if (!config.audit.signingKeyPem && !fs.existsSync(path.join(config.dataDir, 'keys', AUDIT_KEY_FILE))) {
    throw new Error(`no audit signing key in ${config.dataDir}: run npm start once first, or set AUDIT_SIGNING_KEY`);
  }
  const { publicKey } = AuditKeys.load(config.dataDir, config.audit.signingKeyPem);
  process.stderr.write(`key id ${publicKey.keyId} (${publicKey.algorithm})\n`);
  process.stdout.write(publicKey.publicKeyPem);
} catch (error) {
  console.error(`audit:public-key: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
