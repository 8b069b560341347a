/**
 * Streams audit entries to a file:
 *   npm run audit:export -- [--from <ISO time>] [--to <ISO time>] --format csv|jsonl --out <file>
 * Entries with from <= at < to, oldest first. The export holds full ID numbers: handle it as the log itself.
 */
import { exportAuditEntries, type ExportFormat } from '../audit/audit-export';
import { loadConfig } from '../config';
import { connectHub, parseOptions, UsageError } from './hub-connection';

function time(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined;
  const parsed = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(parsed.getTime()))
    throw new UsageError(`--${name} must be an ISO date or time, e.g. 2025-01-01 or 2025-01-01T08:00:00+08:00`);
  return parsed;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), ['from', 'to', 'format', 'out']);
  const format = options.format as ExportFormat;
  if (format !== 'csv' && format !== 'jsonl') throw new UsageError('--format must be csv or jsonl');
  if (!options.out) throw new UsageError('--out <file> is required');
  const from = time(options.from, 'from');
  const to = time(options.to, 'to');
  if (from && to && to <= from) throw new UsageError('--to must be later than --from');
  const hub = await connectHub(loadConfig());
  try {
    const count = await exportAuditEntries(hub.db, { from, to, format, out: options.out });
    console.log(`wrote ${count} entries to ${options.out}`);
  } finally {
    await hub.close();
  }
}

main().catch((error) => {
  console.error(`audit:export: ${error instanceof Error ? error.message : error}`);
  if (error instanceof UsageError)
    console.error('usage: npm run audit:export -- [--from <ISO time>] [--to <ISO time>] --format csv|jsonl --out <file>');
  process.exit(error instanceof UsageError ? 2 : 1);
});
