import fs from 'node:fs';
import path from 'node:path';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  importSPKI,
  type JWK,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import type { HubConfig } from '../config';

export const LOCAL_KEY_FILE = 'jwt-signing-key.json';
const ALG = 'EdDSA';

/** The local Ed25519 signing key, generated on first start and kept in the data directory. */
export async function loadOrCreateSigningKey(dataDir: string): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const file = path.join(dataDir, 'keys', LOCAL_KEY_FILE);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
  const { privateKey, publicKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
  const kid = `local-${Date.now().toString(36)}`;
  const pair = {
    privateJwk: { ...(await exportJWK(privateKey)), alg: ALG, kid },
    publicJwk: { ...(await exportJWK(publicKey)), alg: ALG, kid },
  };
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, JSON.stringify(pair), { mode: 0o600 });
  return pair;
}

export type KeyResolver = KeyLike | Uint8Array | JWTVerifyGetKey;

/** What verifies tokens: an external issuer's PEM key or JWKS URL if configured, else the local key. */
export async function verificationKey(config: HubConfig): Promise<KeyResolver> {
  if (config.auth.jwksUrl) return createRemoteJWKSet(new URL(config.auth.jwksUrl));
  if (config.auth.publicKeyPem) return importSPKI(config.auth.publicKeyPem, config.auth.publicKeyAlgorithm);
  const { publicJwk } = await loadOrCreateSigningKey(config.dataDir);
  return createLocalJWKSet({ keys: [publicJwk] });
}

export async function signingKey(dataDir: string) {
  const { privateJwk } = await loadOrCreateSigningKey(dataDir);
  return { key: await importJWK(privateJwk, ALG), kid: privateJwk.kid as string, alg: ALG };
}
