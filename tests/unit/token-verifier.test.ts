import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { signingKey } from '../../src/auth/token-keys';
import { issueToken, TokenVerifier } from '../../src/auth/tokens';
import { ConfigError, durationSeconds, loadConfig, type HubConfig } from '../../src/config';

describe('token verifier', () => {
  let config: HubConfig;
  let dataDir: string;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuyuantong-tokens-'));
    config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir });
  });
  afterAll(() => {
    jest.useRealTimers();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a token it has already accepted once that token has expired', async () => {
    // Only the clock is faked; promises and crypto run as usual.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    const verifier = await TokenVerifier.create(config);
    const token = await issueToken(config, 'demo-clerk', '30s');
    expect(await verifier.verify(token)).toEqual({ username: 'demo-clerk' });
    expect(await verifier.verify(token)).toEqual({ username: 'demo-clerk' });
    jest.setSystemTime(Date.now() + 40_000);
    expect(await verifier.verify(token)).toEqual({ reason: 'token expired' });
  });

  it('refuses a token whose signature was altered, even after accepting the original', async () => {
    const verifier = await TokenVerifier.create(config);
    const token = await issueToken(config, 'demo-clerk');
    expect(await verifier.verify(token)).toEqual({ username: 'demo-clerk' });
    const [header, payload, signature] = token.split('.');
    const altered = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await verifier.verify(altered)).toEqual({ reason: 'token invalid' });
  });

  /** A token of the local key with the given `iat` and `exp` (seconds since the epoch). */
  async function signed(iat: number | undefined, exp: number): Promise<string> {
    const { key, kid, alg } = await signingKey(dataDir);
    const jwt = new SignJWT({})
      .setProtectedHeader({ alg, kid })
      .setSubject('demo-clerk')
      .setIssuer('fuyuantong')
      .setAudience('fuyuantong')
      .setExpirationTime(exp);
    return (iat === undefined ? jwt : jwt.setIssuedAt(iat)).sign(key);
  }
  const now = () => Math.floor(Date.now() / 1000);

  it('refuses a token that lives longer than the maximum lifetime (12 h by default)', async () => {
    const verifier = await TokenVerifier.create(config);
    expect(await verifier.verify(await signed(now(), now() + 12 * 3600))).toEqual({ username: 'demo-clerk' });
    expect(await verifier.verify(await signed(now(), now() + 12 * 3600 + 60))).toHaveProperty('reason');
    expect(await verifier.verify(await signed(now(), now() + 365 * 86400))).toHaveProperty('reason');
  });

  it('refuses a token issued in the future, beyond a few seconds of clock skew', async () => {
    const verifier = await TokenVerifier.create(config);
    expect(await verifier.verify(await signed(now() + 3, now() + 3600))).toEqual({ username: 'demo-clerk' });
    expect(await verifier.verify(await signed(now() + 600, now() + 3600))).toHaveProperty('reason');
  });

  it('refuses a token without an issue time, whose lifetime cannot be known', async () => {
    const verifier = await TokenVerifier.create(config);
    expect(await verifier.verify(await signed(undefined, now() + 3600))).toHaveProperty('reason');
  });

  it('takes the maximum lifetime from JWT_MAX_LIFETIME, and refuses a JWT_TTL longer than it', async () => {
    const short = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, JWT_MAX_LIFETIME: '1h', JWT_TTL: '30m' });
    expect(short.auth.maxTokenLifetimeSeconds).toBe(3600);
    expect(await (await TokenVerifier.create(short)).verify(await signed(now(), now() + 2 * 3600))).toHaveProperty('reason');
    expect(() => loadConfig({ JWT_MAX_LIFETIME: '1h' })).toThrow(ConfigError);
    expect(() => loadConfig({ JWT_MAX_LIFETIME: 'forever' })).toThrow(/JWT_MAX_LIFETIME/);
    expect(durationSeconds(config.auth.tokenTtl)).toBeLessThanOrEqual(config.auth.maxTokenLifetimeSeconds);
  });
});
