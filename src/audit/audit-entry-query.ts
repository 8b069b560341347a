import type { DataSource } from 'typeorm';
import { ENTRY_SELECT, entryFromRow, type ChainedEntry } from './audit-entry-hash';

/** A validated filter: every field is already normalised. */
export interface AuditQuery {
  username?: string;
  organisationCode?: string;
  role?: string;
  caseNo?: string;
  subjectIdNumber?: string;
  outcome?: string;
  kind?: string;
  from?: Date;
  to?: Date;
  /** Keyset: entries with a lower sequence number than this. */
  beforeSeq?: string;
}

const COLUMN: Record<Exclude<keyof AuditQuery, 'from' | 'to' | 'beforeSeq'>, string> = {
  username: 'username',
  organisationCode: 'organisation_code',
  role: 'role',
  caseNo: 'case_no',
  subjectIdNumber: 'subject_id_number',
  outcome: 'outcome',
  kind: 'kind',
};

/**
 * Newest first, `limit` entries. Each equality filter has an index (column, seq) that is read backwards, and the
 * time range also prunes monthly partitions, so a page costs the same on ten thousand or ten million entries.
 */
export async function findAuditEntries(db: DataSource, query: AuditQuery, limit: number): Promise<ChainedEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  for (const [key, column] of Object.entries(COLUMN) as Array<[keyof typeof COLUMN, string]>) {
    if (query[key] !== undefined) add(`${column} = ?`, query[key]);
  }
  if (query.from) add('at >= ?', query.from.toISOString());
  if (query.to) add('at < ?', query.to.toISOString());
  if (query.beforeSeq) add('seq < ?::bigint', query.beforeSeq);
  const rows = await db.query(
    `${ENTRY_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.seq DESC LIMIT ${Math.floor(limit)}`,
    params,
  );
  return rows.map(entryFromRow);
}
