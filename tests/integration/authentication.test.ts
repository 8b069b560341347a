import { SignJWT, generateKeyPair } from 'jose';
import { ViewerCache, type ViewerCacheOptions } from '../../src/auth/viewer-cache';
import { startHub } from '../../src/hub';
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

  async function disabled<T>(username: string, run: () => Promise<T>): Promise<T> {
    await t.hub.hub.query('UPDATE hub_user SET disabled_at = now() WHERE username = $1', [username]);
    try {
      return await run();
    } finally {
      await t.hub.hub.query('UPDATE hub_user SET disabled_at = NULL WHERE username = $1', [username]);
    }
  }

  /** A viewer cache of its own on the hub's database, closed once `run` is done. */
  async function ownCache<T>(options: ViewerCacheOptions, run: (cache: ViewerCache) => Promise<T>): Promise<T> {
    const cache = await ViewerCache.start(t.hub.hub, (t.hub.hub.options as { url: string }).url, options);
    try {
      return await run(cache);
    } finally {
      await cache.close();
    }
  }

  /** Reads the user through the cache; answers how many statements that sent to the hub database (0: it was kept). */
  async function statementsToRead(cache: ViewerCache, username: string): Promise<number> {
    const before = t.hub.databases.hub.statements.count;
    expect((await cache.get(username))?.username).toBe(username);
    return t.hub.databases.hub.statements.count - before;
  }

  it('refuses a valid token of a user disabled in the database, once the hub has heard of it', async () => {
    const token = await t.token('demo-clerk-2');
    // Read once, so that the user is kept between requests.
    expect((await t.gql(ME, { auth: `Bearer ${token}` })).body.data!.me.username).toBe('demo-clerk-2');
    expect(t.hub.viewers.listening).toBe(true);
    await disabled('demo-clerk-2', async () => {
      await t.hub.viewers.caughtUp();
      await expectUnauthenticated(`Bearer ${token}`);
    });
    expect((await t.gql(ME, { auth: `Bearer ${token}` })).status).toBe(200);
  });

  it('forgets every user when it stops hearing of changes, and keeps none until it hears again', async () => {
    const token = await t.token('demo-clerk-2');
    expect((await t.gql(ME, { auth: `Bearer ${token}` })).status).toBe(200);
    // The listening connection ends; a change made before it listens again is never notified to this hub.
    const [ended] = await t.hub.hub.query(
      `SELECT pg_terminate_backend(pid, 5000) AS ended FROM pg_stat_activity
        WHERE application_name = 'fuyuantong-viewers' AND datname = current_database() AND pid <> pg_backend_pid()`,
    );
    expect(ended).toEqual({ ended: true });
    await disabled('demo-clerk-2', async () => {
      await t.hub.viewers.caughtUp(); // listening again
      expect(t.hub.viewers.listening).toBe(true);
      await expectUnauthenticated(`Bearer ${token}`);
    });
    expect((await t.gql(ME, { auth: `Bearer ${token}` })).status).toBe(200);
  });

  it('takes a connection that no longer hears notices as lost, and reads users afresh', async () => {
    await ownCache({ maxAgeMs: 60_000, heartbeatMs: 300, retryMs: 60_000 }, async (cache) => {
      expect((await cache.get('demo-clerk-2'))?.username).toBe('demo-clerk-2');
      const [{ pid }] = await t.hub.hub.query(
        `SELECT pid FROM pg_stat_activity WHERE application_name = 'fuyuantong-viewers' AND datname = current_database()
          ORDER BY backend_start DESC LIMIT 1`,
      );
      // Its server process stopped, the connection stays open but hears nothing: the change below is never delivered.
      process.kill(pid, 'SIGSTOP');
      try {
        await disabled('demo-clerk-2', async () => {
          for (let waited = 0; cache.listening && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
          expect(cache.listening).toBe(false);
          expect(await cache.get('demo-clerk-2')).toBeNull();
        });
      } finally {
        process.kill(pid, 'SIGCONT');
      }
    });
  });

  it('refuses, in another hub process on the same database, a user disabled through this one, once it has heard', async () => {
    const other = await startHub({ ...t.config, port: 0 });
    try {
      const token = await t.token('demo-clerk-2');
      const ask = async (url: string) =>
        (
          await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: ME }),
          })
        ).status;
      expect(await ask(other.url)).toBe(200); // now kept by the other process
      const res = await t.gql('mutation { disableUser(username: "demo-clerk-2") { disabled } }', { as: 'demo-admin' });
      expect(res.body.data).toEqual({ disableUser: { disabled: true } });
      await other.viewers.caughtUp();
      expect(await ask(other.url)).toBe(401);
      expect(await ask(t.hub.url)).toBe(401);
    } finally {
      await t.hub.hub.query("UPDATE hub_user SET disabled_at = NULL WHERE username = 'demo-clerk-2'");
      await other.stop();
    }
  });

  it('does not keep a user read while the cache was told to forget', async () => {
    await ownCache({ maxAgeMs: 60_000 }, async (cache) => {
      const reading = cache.get('demo-clerk-2');
      cache.forget(); // as a notice arriving while the statement runs
      expect((await reading)?.username).toBe('demo-clerk-2');
      expect(await statementsToRead(cache, 'demo-clerk-2')).toBe(1); // read again: the first read was not kept
      expect(await statementsToRead(cache, 'demo-clerk-2')).toBe(0); // this one was
    });
  });

  it('keeps no user at all with VIEWER_CACHE_MS=0: every request reads its user', async () => {
    await ownCache({ maxAgeMs: 0 }, async (cache) => {
      expect(cache.listening).toBe(false);
      for (let i = 0; i < 3; i += 1) expect(await statementsToRead(cache, 'demo-clerk-2')).toBe(1);
    });
  });

  it('keeps at most maxEntries users: one more and it starts over', async () => {
    await ownCache({ maxAgeMs: 60_000, maxEntries: 2 }, async (cache) => {
      expect(cache.listening).toBe(true);
      expect(await statementsToRead(cache, 'demo-clerk')).toBe(1);
      expect(await statementsToRead(cache, 'demo-clerk-2')).toBe(1);
      expect(await statementsToRead(cache, 'demo-clerk')).toBe(0); // two kept
      expect(await statementsToRead(cache, 'demo-clerk-2')).toBe(0);
      expect(await statementsToRead(cache, 'demo-admin')).toBe(1); // the third: the cache starts over with it
      expect(await statementsToRead(cache, 'demo-admin')).toBe(0);
      expect(await statementsToRead(cache, 'demo-clerk')).toBe(1);
    });
  });
});
