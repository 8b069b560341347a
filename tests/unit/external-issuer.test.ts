import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { issueToken, TokenVerifier } from '../../src/auth/tokens';
import { ConfigError, loadConfig } from '../../src/config';

const ISSUER = 'https://idp.court.example';

function sign(key: KeyLike, alg: string, claims: Record<string, unknown>, issuer = ISSUER) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg, kid: 'k1' })
    .setIssuer(issuer)
    .setAudience('fuyuantong')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key);
}

describe('tokens from an external issuer', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuyuantong-issuer-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('accepts an RS256 token signed by the configured public key, with the username in a custom claim', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      JWT_PUBLIC_KEY: await exportSPKI(publicKey),
      JWT_ALGORITHM: 'RS256',
      JWT_ISSUER: ISSUER,
      JWT_USERNAME_CLAIM: 'preferred_username',
    });
    const verifier = await TokenVerifier.create(config);
    expect(await verifier.verify(await sign(privateKey, 'RS256', { preferred_username: 'demo-clerk' }))).toEqual({ username: 'demo-clerk' });
    expect(await verifier.verify(await sign(privateKey, 'RS256', { sub: 'demo-clerk' }))).toEqual({ reason: 'token names no user' });
    expect(await verifier.verify(await sign(privateKey, 'RS256', { preferred_username: 'demo-clerk' }, 'https://elsewhere'))).toHaveProperty(
      'reason',
    );
  });

  it('no longer accepts tokens of the local key once an external issuer is configured', async () => {
    const local = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir });
    const localToken = await issueToken(local, 'demo-clerk');
    const { publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const external = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, JWT_PUBLIC_KEY: await exportSPKI(publicKey) });
    expect(await (await TokenVerifier.create(local)).verify(localToken)).toEqual({ username: 'demo-clerk' });
    expect(await (await TokenVerifier.create(external)).verify(localToken)).toHaveProperty('reason');
  });

  it('verifies against a JWKS URL', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' }] });
    const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(jwks));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, JWT_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`, JWT_ISSUER: ISSUER });
      const verifier = await TokenVerifier.create(config);
      expect(await verifier.verify(await sign(privateKey, 'ES256', { sub: 'demo-auditor' }))).toEqual({ username: 'demo-auditor' });
      const { privateKey: other } = await generateKeyPair('ES256');
      expect(await verifier.verify(await sign(other, 'ES256', { sub: 'demo-auditor' }))).toHaveProperty('reason');
    } finally {
      // The key fetch's keep-alive connection would otherwise hold the worker open after the tests.
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('rejects a configuration with an unknown algorithm or a key that is not PEM', () => {
    expect(() => loadConfig({ JWT_ALGORITHM: 'none' })).toThrow(ConfigError);
    expect(() => loadConfig({ JWT_PUBLIC_KEY: 'abc' })).toThrow(/JWT_PUBLIC_KEY/);
  });
});
