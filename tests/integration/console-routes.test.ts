import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { consoleRoutes } from '../../src/server/console-routes';
import { startTestHub, type TestHub } from '../support/test-hub';

const base = (t: TestHub) => t.hub.url.replace(/\/graphql$/, '');
const signIn = (t: TestHub, body: string, contentType = 'application/json') =>
  fetch(`${base(t)}/dev/sign-in`, { method: 'POST', headers: { 'content-type': contentType }, body });

describe('development sign-in (NODE_ENV=test)', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub();
  }, 120000);
  afterAll(() => t?.stop());

  it('lists the enabled users, demo users first', async () => {
    const res = await fetch(`${base(t)}/dev/users`);
    const body = (await res.json()) as { users: Array<{ username: string; role: string; organisation: string }> };
    expect(res.status).toBe(200);
    expect(body.users.map((u) => u.username)).toEqual(expect.arrayContaining(['demo-clerk', 'demo-administrator', 'demo-auditor', 'demo-admin']));
    expect(body.users.find((u) => u.username === 'demo-clerk')).toMatchObject({ role: 'CLERK', organisation: '金寨县人民法院' });
  });

  it('gives a token for a demo user that the API accepts', async () => {
    const res = await signIn(t, JSON.stringify({ username: 'demo-clerk' }));
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    const me = await t.gql('{ me { username role } }', { auth: `Bearer ${token}` });
    expect(me.body.data).toEqual({ me: { username: 'demo-clerk', role: 'CLERK' } });
  });

  it('refuses an unknown user and a body that is not JSON', async () => {
    expect((await signIn(t, JSON.stringify({ username: 'nobody-here' }))).status).toBe(404);
    expect((await signIn(t, 'username=demo-clerk', 'application/x-www-form-urlencoded')).status).toBe(400);
  });

  it('serves no landing page that loads code from the internet at /graphql', async () => {
    const res = await fetch(t.hub.url, { headers: { accept: 'text/html' } });
    const text = await res.text();
    expect(text).not.toMatch(/<script|apollographql\.com|cdn\./i);
  });
});

describe('development sign-in (NODE_ENV=production)', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub({ NODE_ENV: 'production', LOG_LEVEL: 'silent' });
  }, 120000);
  afterAll(() => t?.stop());

  it('is absent: 404 for the sign-in and the user list', async () => {
    expect((await signIn(t, JSON.stringify({ username: 'demo-clerk' }))).status).toBe(404);
    expect((await fetch(`${base(t)}/dev/users`)).status).toBe(404);
  });
});

describe('console routes', () => {
  const serve = async (dist: string) => {
    // As in the hub (create-server.ts): no ETag on answers.
    const app = express().set('etag', false).use(consoleRoutes(dist));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(r)) };
  };
  let dist: string;
  beforeAll(() => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'fuyuantong-console-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<title>console</title>');
    fs.writeFileSync(path.join(dist, 'graphiql.html'), '<title>graphiql</title>');
    fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
  });
  afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

  it('serves the single-page app for every path below /console, its assets, and GraphiQL', async () => {
    const s = await serve(dist);
    try {
      expect((await fetch(`${s.url}/console`, { redirect: 'manual' })).headers.get('location')).toBe('/console/');
      const page = await fetch(`${s.url}/console/`);
      expect(await page.text()).toBe('<title>console</title>');
      // Revalidated on every load (no-cache), by its file's modification time.
      expect(page.headers.get('cache-control')).toBe('no-cache');
      // (node:http rather than fetch, which adds a cache-control header of its own to a conditional request.)
      const again = await new Promise<number | undefined>((resolve, reject) =>
        http
          .get(`${s.url}/console/`, { headers: { 'if-modified-since': page.headers.get('last-modified')! } }, (res) => {
            res.resume();
            resolve(res.statusCode);
          })
          .on('error', reject),
      );
      expect(again).toBe(304);
      expect(await (await fetch(`${s.url}/console/inquiry/${encodeURIComponent('(2024)皖1524执123号')}`)).text()).toBe('<title>console</title>');
      const asset = await fetch(`${s.url}/console/assets/app-abc123.js`);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expect(asset.headers.get('etag')).toMatch(/^W\/"/);
      expect((await fetch(`${s.url}/console/assets/missing.js`)).status).toBe(404);
      expect(await (await fetch(`${s.url}/graphiql`)).text()).toBe('<title>graphiql</title>');
    } finally {
      await s.close();
    }
  });

  it('says in Chinese how to build the console when it has not been built', async () => {
    const s = await serve(path.join(dist, 'nothing-here'));
    try {
      const res = await fetch(`${s.url}/console/`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run console:build');
    } finally {
      await s.close();
    }
  });
});
