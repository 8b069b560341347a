import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** A statement sent by name: parsed once per connection, and once PostgreSQL settles on a generic plan, planned once. */
export interface PreparedStatement {
  name: string;
  text: string;
}

type Pool = { query: (q: { name: string; text: string; values: unknown[] }) => Promise<{ rows: Array<Record<string, unknown>> }> };

/** A statement named by its text (`<prefix>_<hash>`), so a changed text is never run under an old name. */
export function preparedStatement(prefix: string, text: string): PreparedStatement {
  return { name: `${prefix}_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`, text };
}

/**
 * Runs a prepared statement on the DataSource's pool (`pg`'s named statements) and answers its rows as `pg` hands
 * them out. Counted like every statement the DataSource sends (tests and the benchmark count them); an error is
 * logged as TypeORM logs its own.
 */
export async function runPrepared<R = Record<string, unknown>>(
  dataSource: DataSource,
  statement: PreparedStatement,
  values: unknown[],
): Promise<R[]> {
  dataSource.logger.logQuery(statement.text, values);
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  try {
    const { rows } = await pool.query({ name: statement.name, text: statement.text, values });
    return rows as R[];
  } catch (error) {
    dataSource.logger.logQueryError(error as Error, statement.text, values);
    throw error;
  }
}
