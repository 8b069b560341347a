// The clerk inquiries the benchmark sends: active execution cases with one to three respondents,
// each asked by a clerk assigned to it, reading the respondents across all eight sources.

import { Client } from 'pg';
import { issueToken } from '../src/auth/tokens';
import type { HubConfig } from '../src/config';
import { inquiryQuery, type InquiryShape } from './inquiry-query';

export interface Inquiry {
  caseNo: string;
  username: string;
  respondents: number;
}

export interface Workload {
  inquiries: Inquiry[];
  /** Bearer token per clerk username. */
  tokens: Map<string, string>;
  /** How many of the inquiries have 1, 2, 3 respondents. */
  respondentMix: Record<number, number>;
  clerks: number;
}

/** Up to `limit` (case, assigned clerk) pairs in a fixed pseudo-random order, so every run asks the same things. */
export async function loadWorkload(hubUrl: string, config: HubConfig, limit: number): Promise<Workload> {
  const client = new Client({ connectionString: hubUrl });
  await client.connect();
  let rows: Array<{ case_no: string; username: string; respondents: number }>;
  try {
    ({ rows } = await client.query(
      `SELECT c.case_no, u.username, count(*)::int AS respondents
       FROM execution_case c
       JOIN execution_case_clerk k ON k.case_id = c.id
       JOIN hub_user u ON u.id = k.user_id AND u.role = 'CLERK' AND u.disabled_at IS NULL
       JOIN execution_case_respondent r ON r.case_id = c.id
       WHERE c.status = 'ACTIVE'
       GROUP BY c.case_no, u.username
       HAVING count(*) BETWEEN 1 AND 3
       ORDER BY md5(c.case_no || u.username)
       LIMIT $1`,
      [limit],
    ));
  } finally {
    await client.end();
  }
  if (rows.length === 0) throw new Error('the dataset holds no active case with one to three respondents and a clerk');
  const tokens = new Map<string, string>();
  for (const username of new Set(rows.map((r) => r.username))) tokens.set(username, await issueToken(config, username));
  const respondentMix: Record<number, number> = {};
  for (const r of rows) respondentMix[r.respondents] = (respondentMix[r.respondents] ?? 0) + 1;
  return {
    inquiries: rows.map((r) => ({ caseNo: r.case_no, username: r.username, respondents: r.respondents })),
    tokens,
    respondentMix,
    clerks: tokens.size,
  };
}

export interface HttpRequestShape {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** The GraphQL request for one inquiry: the whole of it, or the smaller question `shape` names. */
export function graphqlRequest(workload: Workload, inquiry: Inquiry, shape: InquiryShape = 'full'): HttpRequestShape {
  return {
    path: '/graphql',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${workload.tokens.get(inquiry.username)}` },
    body: JSON.stringify({ query: inquiryQuery(shape), variables: { caseNo: inquiry.caseNo } }),
  };
}

/** The same inquiry for the raw-SQL floor, which trusts the clerk named in the request. */
export function floorRequest(_workload: Workload, inquiry: Inquiry): HttpRequestShape {
  return {
    path: '/inquiry',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ caseNo: inquiry.caseNo, username: inquiry.username }),
  };
}
