// How PostgreSQL plans the per-source lookups on a dataset: flat latency across sizes needs index scans,
// never a sequential scan of a table that grows with the population.

import { Client } from 'pg';
import type { DatabaseKey } from '../src/config';
import { SOURCE_QUERIES } from './raw-sql-floor';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function scans(node: PlanNode, out: string[]): string[] {
  if (node['Relation Name']) out.push(`${node['Node Type']} on ${node['Relation Name']}`);
  for (const child of node.Plans ?? []) scans(child, out);
  return out;
}

/** Every table access of every source lookup, for three respondents of the dataset. */
export async function sourcePlans(urls: Record<DatabaseKey, string>): Promise<{ scans: string[]; sequential: string[] }> {
  const hub = new Client({ connectionString: urls.hub });
  await hub.connect();
  let ids: string[];
  try {
    const { rows } = await hub.query<{ id_number: string }>('SELECT id_number FROM subject ORDER BY md5(id_number) LIMIT 3');
    ids = rows.map((r) => r.id_number);
  } finally {
    await hub.end();
  }
  const all: string[] = [];
  for (const [key, texts] of Object.entries(SOURCE_QUERIES)) {
    const client = new Client({ connectionString: urls[key as DatabaseKey] });
    await client.connect();
    try {
      for (const text of texts) {
        const { rows } = await client.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(`EXPLAIN (FORMAT JSON) ${text}`, [ids]);
        all.push(...scans(rows[0]['QUERY PLAN'][0].Plan, []));
      }
    } finally {
      await client.end();
    }
  }
  const unique = [...new Set(all)].sort();
  return { scans: unique, sequential: unique.filter((s) => s.startsWith('Seq Scan')) };
}
