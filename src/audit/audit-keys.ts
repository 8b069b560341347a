import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const AUDIT_KEY_FILE = 'audit-signing-key.pem';
/** Public keys of earlier signing keys, kept so that their checkpoints still verify after a rotation. */
export const RETIRED_KEYS_DIR = 'audit-retired-keys';

export interface AuditPublicKey {
  keyId: string;
  algorithm: 'Ed25519';
  publicKeyPem: string;
}

/** The key id: the first 16 hex digits of the SHA-256 of the public key (SPKI DER). */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

function describe(publicKey: KeyObject): AuditPublicKey {
  return { keyId: keyIdOf(publicKey), algorithm: 'Ed25519', publicKeyPem: String(publicKey.export({ type: 'spki', format: 'pem' })) };
}

/** Checks signatures made by the current key or by a retired one. */
export class CheckpointVerifier {
  private readonly byId = new Map<string, KeyObject>();

  constructor(publicKeys: KeyObject[]) {
    for (const key of publicKeys) this.byId.set(keyIdOf(key), key);
  }

  knows(keyId: string): boolean {
    return this.byId.has(keyId);
  }

  verify(keyId: string, statement: string, signature: string): boolean {
    const key = this.byId.get(keyId);
    if (!key) return false;
    try {
      return verify(null, Buffer.from(statement, 'utf8'), key, Buffer.from(signature, 'base64url'));
    } catch {
      return false;
    }
  }
}

/**
 * The Ed25519 key that signs checkpoints. Kept outside the database: AUDIT_SIGNING_KEY (PKCS#8 PEM) when set,
 * else `keys/audit-signing-key.pem` in the data directory, generated on first start (mode 0600).
 */
export class AuditKeys {
  readonly publicKey: AuditPublicKey;
  readonly verifier: CheckpointVerifier;

  private constructor(
    private readonly privateKey: KeyObject | null,
    publicKey: KeyObject,
    retired: KeyObject[],
  ) {
    this.publicKey = describe(publicKey);
    this.verifier = new CheckpointVerifier([publicKey, ...retired]);
  }

  static load(dataDir: string, pem?: string): AuditKeys {
    const keysDir = path.join(dataDir, 'keys');
    let privateKey: KeyObject;
    if (pem) {
      privateKey = createPrivateKey(pem);
    } else {
      const file = path.join(keysDir, AUDIT_KEY_FILE);
      if (fs.existsSync(file)) {
        privateKey = createPrivateKey(fs.readFileSync(file, 'utf8'));
      } else {
        privateKey = generateKeyPairSync('ed25519').privateKey;
        fs.mkdirSync(keysDir, { recursive: true, mode: 0o700 });
        try {
          fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
        } catch (error) {
          // Another process on the same data directory generated it first: use theirs.
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
          privateKey = createPrivateKey(fs.readFileSync(file, 'utf8'));
        }
      }
    }
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the audit signing key must be an Ed25519 key');
    return new AuditKeys(privateKey, createPublicKey(privateKey), retiredKeys(keysDir));
  }

  /** Verification only (no private key), e.g. for a verifier that is given just the public key. */
  static publicOnly(publicKeyPems: string[]): AuditKeys {
    const keys = publicKeyPems.map((p) => createPublicKey(p));
    return new AuditKeys(null, keys[0], keys.slice(1));
  }

  sign(statement: string): string {
    if (!this.privateKey) throw new Error('no audit signing key loaded');
    return sign(null, Buffer.from(statement, 'utf8'), this.privateKey).toString('base64url');
  }
}

function retiredKeys(keysDir: string): KeyObject[] {
  const dir = path.join(keysDir, RETIRED_KEYS_DIR);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.pem'))
    .map((f) => createPublicKey(fs.readFileSync(path.join(dir, f), 'utf8')));
}
