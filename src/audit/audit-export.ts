import fs from 'node:fs';
import { once } from 'node:events';
import { ENTRY_SELECT, entryFromRow, type ChainedEntry } from './audit-entry-hash';
import type { Queryable } from './insert-entries';

export type ExportFormat = 'csv' | 'jsonl';

const CSV_COLUMNS: Array<[string, (e: ChainedEntry) => unknown]> = [
  ['seq', (e) => e.seq],
  ['at', (e) => e.at.toISOString()],
  ['request_id', (e) => e.requestId],
  ['kind', (e) => e.kind],
  ['username', (e) => e.username],
  ['organisation_code', (e) => e.organisationCode],
  ['role', (e) => e.role],
  ['case_kind', (e) => e.caseKind],
  ['case_no', (e) => e.caseNo],
  ['subject_id', (e) => e.subjectId],
  ['subject_kind', (e) => e.subjectKind],
  ['subject_id_number', (e) => e.subjectIdNumber],
  ['fields', (e) => JSON.stringify(e.fields)],
  ['sources', (e) => JSON.stringify(e.sources)],
  ['outcome', (e) => e.outcome],
  ['client_address', (e) => e.clientAddress],
  ['operation_name', (e) => e.operationName],
  ['detail', (e) => (e.detail === null ? null : JSON.stringify(e.detail))],
  ['prev_hash', (e) => e.prevHash],
  ['hash', (e) => e.hash],
];

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula gets a leading apostrophe. */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Streams the entries with `from <= at < to` to a file, oldest first, in batches (bounded memory). JSON Lines
 * carry each entry exactly as hashed (camelCase fields, ISO times), so a recipient can recompute the chain.
 */
export async function exportAuditEntries(
  db: Queryable,
  options: { from?: Date; to?: Date; format: ExportFormat; out: string; batchSize?: number },
): Promise<number> {
  const batchSize = options.batchSize ?? 5000;
  const stream = fs.createWriteStream(options.out, { encoding: 'utf8', mode: 0o600 });
  const write = async (chunk: string) => {
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  let count = 0;
  try {
    if (options.format === 'csv') await write(`${CSV_COLUMNS.map(([name]) => name).join(',')}\r\n`);
    let after = '0';
    for (;;) {
      const params: unknown[] = [after];
      const where = ['seq > $1'];
      if (options.from) where.push(`at >= $${params.push(options.from.toISOString())}`);
      if (options.to) where.push(`at < $${params.push(options.to.toISOString())}`);
      const rows = await db.query(`${ENTRY_SELECT} WHERE ${where.join(' AND ')} ORDER BY e.seq LIMIT ${batchSize}`, params);
      if (rows.length === 0) break;
      let chunk = '';
      for (const row of rows) {
        const entry = entryFromRow(row);
        chunk +=
          options.format === 'jsonl'
            ? `${JSON.stringify({ ...entry, at: entry.at.toISOString() })}\n`
            : `${CSV_COLUMNS.map(([, get]) => csvCell(get(entry))).join(',')}\r\n`;
      }
      await write(chunk);
      count += rows.length;
      after = String(rows[rows.length - 1].seq);
      if (rows.length < batchSize) break;
    }
  } finally {
    stream.end();
    await once(stream, 'finish');
  }
  return count;
}
