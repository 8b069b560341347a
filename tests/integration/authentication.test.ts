import { SignJWT, generateKeyPair } from 'jose';
import { codes, startTestHub, type TestHub } from '../support/test-hub';

const ME = '{ me { username } }';

describe('authentication', () => {
  let t: TestHub;

  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function expectUnauthenticated(auth: string | null) {
    const res = await t.gql(ME, { auth });
    expect(res.status).toBe(401);
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    expect(res.body.data ?? null).toBeNull();
  }

  it('accepts a valid token', async () => {
    const res = await t.gql(ME, { as: 'demo-clerk' });
    expect(res.body.data!.me.username).toBe('demo-clerk');
  });

  it('refuses a request without a token', () => expectUnauthenticated(null));

  it('refuses a malformed token', () => expectUnauthenticated('Bearer not.a.jwt'));

  it('refuses a non-bearer scheme', async () => expectUnauthenticated(`Basic ${Buffer.from('demo-clerk:x').toString('base64')}`));

  it('refuses an expired token', async () => {
    const token = await t.token('demo-clerk', '1s');
    await new Promise((r) => setTimeout(r, 7000)); // beyond the 5 s clock tolerance
    await expectUnauthenticated(`Bearer ${token}`);
  }, 20000);

  it('refuses a token signed with another key', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const forged = await new SignJWT({ sub: 'demo-admin' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer(t.config.auth.issuer)
      .setAudience(t.config.auth.audience)
      .setExpirationTime('1h')
      .sign(privateKey);
    await expectUnauthenticated(`Bearer ${forged}`);
  });

  it('refuses a token whose payload was altered', async () => {
    const [h, , s] = (await t.token('demo-clerk')).split('.');
    const payload = Buffer.from(
      JSON.stringify({ sub: 'demo-admin', iss: t.config.auth.issuer, aud: t.config.auth.audience, exp: 9999999999 }),
    ).toString('base64url');
    await expectUnauthenticated(`Bearer ${h}.${payload}.${s}`);
  });

  it('refuses an unsigned (alg none) token', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ sub: 'demo-admin', iss: t.config.auth.issuer, aud: t.config.auth.audience, exp: 9999999999 }),
    ).toString('base64url');
    await expectUnauthenticated(`Bearer ${header}.${payload}.`);
  });

  it('refuses a valid token for a user that does not exist', async () => {
    await expectUnauthenticated(`Bearer ${await t.token('nobody-here')}`);
  });

  it('refuses a valid token of a disabled user', async () => {
    const token = await t.token('demo-clerk-2');
    await t.hub.hub.query("UPDATE hub_user SET disabled_at = now() WHERE username = 'demo-clerk-2'");
    try {
      await expectUnauthenticated(`Bearer ${token}`);
    } finally {
      await t.hub.hub.query("UPDATE hub_user SET disabled_at = NULL WHERE username = 'demo-clerk-2'");
    }
  });
});
