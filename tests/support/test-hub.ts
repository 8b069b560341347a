import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { issueToken } from '../../src/auth/tokens';
import { loadConfig, type HubConfig } from '../../src/config';
import type { Clock } from '../../src/control/clock';
import { startHub, type Hub } from '../../src/hub';
import type { Logger } from '../../src/observability/logger';
import { HUB_DATABASE, SOURCE_DATABASES, SOURCE_NAMES } from '../../src/sources/source-name';
import { createTestDatabases } from './test-databases';

export interface GraphQLResponse {
  status: number;
  headers: Headers;
  body: { data?: Record<string, any> | null; errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }> };
}

export interface TestHub {
  hub: Hub;
  config: HubConfig;
  dbUrls: Record<string, string>;
  token(username: string, ttl?: string): Promise<string>;
  /** POSTs a GraphQL request as `username` (or with a raw Authorization header when `auth` is given). */
  gql(
    query: string,
    options?: { as?: string; variables?: Record<string, unknown>; auth?: string | null; headers?: Record<string, string> },
  ): Promise<GraphQLResponse>;
  post(body: string, headers?: Record<string, string>): Promise<GraphQLResponse>;
  stop(): Promise<void>;
}

/** A real hub on a free port against six fresh databases of the test cluster, with the demo data seeded. */
export async function startTestHub(
  env: Record<string, string> = {},
  options: { seedDemo?: boolean; logger?: Logger; clock?: Clock } = {},
): Promise<TestHub> {
  const dbs = await createTestDatabases();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuyuantong-hub-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    DATA_DIR: dataDir,
    SEED_DEMO: String(options.seedDemo ?? true),
    [HUB_DATABASE.envVar]: dbs.urls.hub,
    ...Object.fromEntries(SOURCE_NAMES.map((s) => [SOURCE_DATABASES[s].envVar, dbs.urls[s]])),
    ...env,
  });
  const hub = await startHub(config, undefined, { logger: options.logger, clock: options.clock });
  const tokens = new Map<string, string>();
  const token = async (username: string, ttl?: string) => {
    if (ttl) return issueToken(config, username, ttl);
    if (!tokens.has(username)) tokens.set(username, await issueToken(config, username));
    return tokens.get(username)!;
  };
  const post = async (body: string, headers: Record<string, string> = {}): Promise<GraphQLResponse> => {
    const res = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const text = await res.text();
    let parsed: GraphQLResponse['body'];
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = { errors: [{ message: `non-JSON response: ${text.slice(0, 200)}` }] };
    }
    return { status: res.status, headers: res.headers, body: parsed };
  };
  return {
    hub,
    config,
    dbUrls: dbs.urls,
    token,
    post,
    gql: async (query, opts = {}) => {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      if (opts.auth !== undefined) {
        if (opts.auth !== null) headers.authorization = opts.auth;
      } else if (opts.as) {
        headers.authorization = `Bearer ${await token(opts.as)}`;
      }
      return post(JSON.stringify({ query, variables: opts.variables }), headers);
    },
    stop: async () => {
      await hub.stop();
      await dbs.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function codes(res: GraphQLResponse): string[] {
  return (res.body.errors ?? []).map((e) => String(e.extensions?.code));
}
