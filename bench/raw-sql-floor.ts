// The raw-SQL floor: the least a server can do to answer an inquiry. node:http, one pg pool per database,
// the same lookups the hub makes (viewer, case with its clerk binding, respondents, then every source's
// tables by ID number, the sources in parallel), the rows serialised as JSON. No GraphQL, no token
// check, no authorization rules, no audit: what is left is the databases and the wire.

import http from 'node:http';
import { Pool, type QueryResultRow } from 'pg';
import type { DatabaseKey } from '../src/config';
import { SOURCES } from '../src/sources/registry';
import type { SourceName } from '../src/sources/source-name';

const VIEWER = `SELECT u.id, u.username, u.display_name, u.role, o.id AS organisation_id, o.code, o.name, o.kind
  FROM hub_user u JOIN organisation o ON o.id = u.organisation_id
  WHERE u.username = $1 AND u.disabled_at IS NULL AND o.disabled_at IS NULL`;
const CASE = `SELECT c.id, c.case_no, c.status, c.filed_on, c.amount_due, o.code AS court_code, o.name AS court_name
  FROM execution_case c JOIN organisation o ON o.id = c.court_id
  JOIN execution_case_clerk k ON k.case_id = c.id AND k.user_id = $2
  WHERE c.case_no = $1 AND c.status = 'ACTIVE'`;
const RESPONDENTS = `SELECT s.id, s.kind, s.id_number, s.name FROM execution_case_respondent r JOIN subject s ON s.id = r.subject_id
  WHERE r.case_id = $1 ORDER BY s.kind DESC, s.name`;

/** Each source's lookup as its registry entry states it (`floor`): the same statements the hub's connectors send. */
export const SOURCE_QUERIES: Record<SourceName, string[]> = Object.fromEntries(SOURCES.map((s) => [s.name, s.floor])) as Record<SourceName, string[]>;

export interface FloorServer {
  port: number;
  /** Statements sent per database since start. */
  statements: Record<DatabaseKey, number>;
  stop(): Promise<void>;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startFloorServer(urls: Record<DatabaseKey, string>, poolSize: number): Promise<FloorServer> {
  const pools = Object.fromEntries(Object.entries(urls).map(([k, url]) => [k, new Pool({ connectionString: url, max: poolSize })])) as Record<
    DatabaseKey,
    Pool
  >;
  const statements = Object.fromEntries(Object.keys(urls).map((k) => [k, 0])) as Record<DatabaseKey, number>;
  const query = async <R extends QueryResultRow>(key: DatabaseKey, text: string, values: unknown[]): Promise<R[]> => {
    statements[key] += 1;
    return (await pools[key].query<R>(text, values)).rows;
  };

  const inquiry = async (caseNo: string, username: string): Promise<unknown> => {
    const [viewer] = await query<{ id: string }>('hub', VIEWER, [username]);
    if (!viewer) return { error: 'UNAUTHENTICATED' };
    const [found] = await query<{ id: string }>('hub', CASE, [caseNo, viewer.id]);
    if (!found) return { error: 'FORBIDDEN' };
    const respondents = await query<{ id_number: string }>('hub', RESPONDENTS, [found.id]);
    const ids = respondents.map((r) => r.id_number);
    const sources = await Promise.all(
      Object.entries(SOURCE_QUERIES).map(async ([key, texts]) => [
        key,
        await Promise.all(texts.map((text) => query(key as DatabaseKey, text, [ids]))),
      ]),
    );
    return { case: found, respondents, sources: Object.fromEntries(sources) };
  };

  const server = http.createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/inquiry') {
      res.writeHead(404).end();
      return;
    }
    readBody(req)
      .then((text) => {
        const { caseNo, username } = JSON.parse(text) as { caseNo: string; username: string };
        return inquiry(caseNo, username);
      })
      .then((answer) => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      })
      .catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    statements,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(Object.values(pools).map((p) => p.end()));
    },
  };
}
