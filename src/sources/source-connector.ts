import DataLoader from 'dataloader';
import type { CountedDataSource } from '../databases/data-sources';
import type { SourceName } from './source-name';

export type SourceState = 'OK' | 'TIMEOUT' | 'ERROR';

export interface SourceStatusRecord {
  source: SourceName;
  state: SourceState;
  /** Wall time of the batch that served this lookup. */
  latencyMs: number;
}

/** What one lookup in one source produced: the records, or nothing and why. */
export interface SourceOutcome<T> {
  value: T | null;
  status: SourceStatusRecord;
}

export class SourceTimeoutError extends Error {}

/**
 * One agency's database. Subclasses fetch the records of many subjects in a fixed number of statements;
 * the connector adds batching (one DataLoader per request), the client-side timeout and status reporting.
 */
export abstract class SourceConnector<T> {
  constructor(
    readonly name: SourceName,
    readonly db: CountedDataSource,
    readonly timeoutMs: number,
  ) {}

  /** Records keyed by ID number; subjects without records may be absent from the map. */
  protected abstract fetch(idNumbers: readonly string[]): Promise<Map<string, T>>;

  /** Value for a subject this source has no record of. */
  protected abstract empty(): T;

  get statementCount(): number {
    return this.db.statements.count;
  }

  async batch(idNumbers: readonly string[]): Promise<SourceOutcome<T>[]> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SourceTimeoutError(`${this.name} timed out`)), this.timeoutMs);
    });
    try {
      const found = await Promise.race([this.fetch(idNumbers), timeout]);
      const status: SourceStatusRecord = { source: this.name, state: 'OK', latencyMs: elapsed(started) };
      return idNumbers.map((id) => ({ value: found.get(id) ?? this.empty(), status }));
    } catch (error) {
      const state: SourceState = error instanceof SourceTimeoutError || isStatementTimeout(error) ? 'TIMEOUT' : 'ERROR';
      const status: SourceStatusRecord = { source: this.name, state, latencyMs: elapsed(started) };
      return idNumbers.map(() => ({ value: null, status }));
    } finally {
      clearTimeout(timer);
    }
  }

  /** A fresh loader for one request: every lookup of this request in this source shares one batch. */
  createLoader(): DataLoader<string, SourceOutcome<T>> {
    return new DataLoader((ids) => this.batch(ids), { maxBatchSize: 1000 });
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

function isStatementTimeout(error: unknown): boolean {
  // 57014: query_canceled, raised by statement_timeout.
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '57014';
}
