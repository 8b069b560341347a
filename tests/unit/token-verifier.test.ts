import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { issueToken, TokenVerifier } from '../../src/auth/tokens';
import { loadConfig, type HubConfig } from '../../src/config';

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
});
