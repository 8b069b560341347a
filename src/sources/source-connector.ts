import DataLoader from 'dataloader';
import { failureCode } from '../databases/failure-code';
import type { SourceDatabase } from '../databases/source-database';
import { silentLogger, type Logger } from '../observability/logger';
import { observeSourceBatch } from '../observability/metrics';
import type { CircuitBreaker } from './circuit-breaker';

/** OK: answered. TIMEOUT: not within the source timeout. ERROR: failed or unreachable. OPEN: skipped by the circuit breaker. */
export type SourceState = 'OK' | 'TIMEOUT' | 'ERROR' | 'OPEN';

export interface SourceStatusRecord {
  /** The source's name (as in the registry). */
  source: string;
  state: SourceState;
  /** Wall time of the batch that served this lookup (0 when the source was skipped). */
  latencyMs: number;
}

/** What one lookup in one source produced: the records, or nothing and why. */
export interface SourceOutcome<T> {
  value: T | null;
  status: SourceStatusRecord;
}

/**
 * How lookups of concurrent requests share a source's statements (`fetchShared`): while `statements` of them are
 * running, further lookups wait together, at most `waitMs`, and go as one statement. 0 statements: every request's
 * lookups go as their own statement.
 */
export interface SharingOptions {
  statements: number;
  waitMs: number;
}

/** The most subjects one statement asks a source for. */
const MAX_BATCH = 1000;

// Method syntax: a connector of any record type is a connector of unknown records.
interface Waiting<T> {
  ids: Set<string>;
  done: Promise<Map<string, T>>;
  settle(run: Promise<Map<string, T>>): void;
  timer: NodeJS.Timeout;
}

export class SourceTimeoutError extends Error {
  name = 'SourceTimeoutError';
}

/**
 * One agency's database. Subclasses fetch the records of many subjects in a fixed number of statements;
 * the connector adds batching (one DataLoader per request), the client-side timeout (the server-side
 * statement_timeout is set on the source's sessions), the circuit breaker and status reporting.
 */
export abstract class SourceConnector<T> {
  constructor(
    /** The source's name (as in the registry); its lookups share it. */
    readonly name: string,
    readonly db: SourceDatabase,
    readonly timeoutMs: number,
    /** Shared by every connector of the same source database. */
    readonly breaker: CircuitBreaker,
    readonly sharing: SharingOptions = { statements: 0, waitMs: 0 },
  ) {}

  /** Records keyed by ID number; subjects without records may be absent from the map. */
  protected abstract fetch(idNumbers: readonly string[]): Promise<Map<string, T>>;

  // Lookups of concurrent requests gathered while the source's statements are busy, and those statements' number.
  private waiting: Waiting<T> | null = null;
  private running = 0;

  /**
   * `fetch`, shared between requests as the audit's group commit shares appends: while the source has fewer than
   * `sharing.statements` statements running, a batch is sent at once; otherwise it waits, with every batch that
   * arrives meanwhile, until one of them ends (or `sharing.waitMs` has passed, so a slow statement holds nobody
   * long), and they go as one statement for all their subjects. Each request takes only its own subjects from the
   * answer; a failure fails every request that shared the statement, as it would have failed each alone.
   */
  private fetchShared(idNumbers: readonly string[]): Promise<Map<string, T>> {
    if (this.running < this.sharing.statements || this.sharing.statements === 0) return this.run(idNumbers);
    // No shared statement asks for more subjects than one request's batch may hold: one that would goes at once.
    if (this.waiting && this.waiting.ids.size + idNumbers.length > MAX_BATCH) this.flush();
    if (!this.waiting) {
      let settle!: (run: Promise<Map<string, T>>) => void;
      const done = new Promise<Map<string, T>>((resolve) => {
        settle = resolve;
      });
      const timer = setTimeout(() => this.flush(), this.sharing.waitMs);
      this.waiting = { ids: new Set(), done, settle: (run) => settle(run), timer };
    }
    for (const id of idNumbers) this.waiting.ids.add(id);
    return this.waiting.done;
  }

  private flush(): void {
    const next = this.waiting;
    if (!next) return;
    this.waiting = null;
    clearTimeout(next.timer);
    next.settle(this.run([...next.ids]));
  }

  private run(idNumbers: readonly string[]): Promise<Map<string, T>> {
    this.running += 1;
    const answer = this.fetch(idNumbers);
    void answer
      .catch(() => undefined)
      .then(() => {
        this.running -= 1;
        this.flush();
      });
    return answer;
  }

  /** Value for a subject this source has no record of. */
  protected abstract empty(): T;

  get statementCount(): number {
    return this.db.statements.count;
  }

  async batch(idNumbers: readonly string[], log: Logger = silentLogger): Promise<SourceOutcome<T>[]> {
    const before = this.breaker.state;
    const permit = this.breaker.tryAcquire();
    this.noteBreaker(before, log);
    if (!permit) {
      observeSourceBatch(this.name, 'OPEN', null);
      const status: SourceStatusRecord = { source: this.name, state: 'OPEN', latencyMs: 0 };
      return idNumbers.map(() => ({ value: null, status }));
    }
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SourceTimeoutError(`${this.name} timed out`)), this.timeoutMs);
    });
    try {
      // A source not yet connected is connected (and migrated) first, all within the same timeout.
      const found = await Promise.race([this.db.ready().then(() => this.fetchShared(idNumbers)), timeout]);
      const probing = this.breaker.state;
      this.breaker.success(permit);
      this.noteBreaker(probing, log);
      const latencyMs = elapsed(started);
      observeSourceBatch(this.name, 'OK', latencyMs / 1000);
      const status: SourceStatusRecord = { source: this.name, state: 'OK', latencyMs };
      return idNumbers.map((id) => ({ value: found.get(id) ?? this.empty(), status }));
    } catch (error) {
      const closed = this.breaker.state;
      this.breaker.failure(permit);
      this.noteBreaker(closed, log);
      const state: SourceState = error instanceof SourceTimeoutError || isStatementTimeout(error) ? 'TIMEOUT' : 'ERROR';
      const latencyMs = elapsed(started);
      observeSourceBatch(this.name, state, latencyMs / 1000);
      log.warn({ source: this.name, state, latencyMs, failure: failureCode(error), breaker: this.breaker.state }, 'source failed');
      const status: SourceStatusRecord = { source: this.name, state, latencyMs };
      return idNumbers.map(() => ({ value: null, status }));
    } finally {
      clearTimeout(timer);
    }
  }

  private noteBreaker(before: string, log: Logger): void {
    const after = this.breaker.state;
    if (after === before) return;
    log[after === 'OPEN' ? 'warn' : 'info'](
      { source: this.name, breaker: after, previous: before },
      `circuit ${after.toLowerCase().replace('_', '-')}`,
    );
  }

  /** A fresh loader for one request: every lookup of this request in this source shares one batch. */
  createLoader(log?: Logger): DataLoader<string, SourceOutcome<T>> {
    return new DataLoader((ids) => this.batch(ids, log), { maxBatchSize: MAX_BATCH });
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

function isStatementTimeout(error: unknown): boolean {
  // 57014: query_canceled, raised by statement_timeout.
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '57014';
}
