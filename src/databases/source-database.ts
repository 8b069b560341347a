import type { DataSource } from 'typeorm';
import type { Logger } from '../observability/logger';
import { setSourceConnected } from '../observability/metrics';
import type { SourceName } from '../sources/source-name';
import { createDataSource, type CountedDataSource } from './data-sources';
import { failureCode } from './failure-code';
import { StatementCounter } from './statement-counter';

export type ConnectionState = 'CONNECTING' | 'UP' | 'DOWN';

export interface SourceDatabaseOptions {
  /** Server-side statement_timeout of every session, in ms. */
  statementTimeoutMs: number;
  /** Apply pending migrations on every (re)connection. */
  migrate: boolean;
  /** Pause between background connection attempts while the source is unreachable. */
  retryMs: number;
  poolSize?: number;
  /** Runs once connected and migrated, before the source is reported UP (demo seeding). */
  onConnected?: (dataSource: DataSource) => Promise<void>;
  log: Logger;
}

/**
 * An agency database the hub can live without. Connecting (and migrating) is attempted at start-up; when the
 * source is unreachable the hub starts anyway and keeps trying in the background, and a request that needs the
 * source tries too. Once connected, the pool replaces broken connections by itself.
 */
export class SourceDatabase implements CountedDataSource {
  readonly statements = new StatementCounter();
  private current: DataSource;
  private state: ConnectionState = 'DOWN';
  private attempt: Promise<DataSource> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private lastError: string | null = null;

  constructor(
    readonly key: SourceName,
    private readonly url: string,
    private readonly options: SourceDatabaseOptions,
  ) {
    this.current = this.runtimeDataSource();
    setSourceConnected(key, false);
  }

  /** The live DataSource; not initialised while the source has never been reached. */
  get dataSource(): DataSource {
    return this.current;
  }

  get connection(): ConnectionState {
    return this.state;
  }

  /** Why the last connection attempt failed (SQLSTATE or system error code, never a message with data). */
  get lastFailure(): string | null {
    return this.lastError;
  }

  /** The connected DataSource, connecting first when needed; rejects when the source cannot be reached. */
  ready(): Promise<DataSource> {
    if (this.state === 'UP') return Promise.resolve(this.current);
    return this.connect();
  }

  /** One connection attempt at a time; concurrent callers share it. */
  connect(): Promise<DataSource> {
    if (this.closed) return Promise.reject(new Error(`${this.key} source is closed`));
    if (this.state === 'UP') return Promise.resolve(this.current);
    if (!this.attempt) {
      this.state = 'CONNECTING';
      this.attempt = this.open().finally(() => {
        this.attempt = null;
      });
    }
    return this.attempt;
  }

  /** Start-up: one attempt now (on failure the background retries begin). Resolves whether the source is up. */
  async start(): Promise<boolean> {
    return this.connect().then(
      () => true,
      () => false,
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.attempt?.catch(() => undefined);
    if (this.current.isInitialized) await this.current.destroy();
  }

  private async open(): Promise<DataSource> {
    const started = performance.now();
    try {
      if (this.options.migrate) await this.migrate();
      const dataSource = this.runtimeDataSource();
      await dataSource.initialize();
      try {
        await this.options.onConnected?.(dataSource);
      } catch (error) {
        await dataSource.destroy();
        throw error;
      }
      if (this.closed) {
        await dataSource.destroy();
        throw new Error(`${this.key} source is closed`);
      }
      this.current = dataSource;
      this.state = 'UP';
      this.lastError = null;
      setSourceConnected(this.key, true);
      this.options.log.info({ source: this.key, durationMs: Math.round(performance.now() - started) }, 'source connected');
      return dataSource;
    } catch (error) {
      this.state = 'DOWN';
      this.lastError = failureCode(error);
      this.options.log.warn({ source: this.key, failure: this.lastError, retryInMs: this.options.retryMs }, 'source unreachable');
      this.scheduleRetry();
      throw error;
    }
  }

  /** Migrations run on their own short-lived connection, without the statement timeout meant for lookups. */
  private async migrate(): Promise<void> {
    const { dataSource } = createDataSource(this.key, this.url, { poolSize: 1, applicationName: `fuyuantong-${this.key}-migrate` });
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      for (const m of applied) this.options.log.info({ source: this.key, migration: m.name }, `migrated ${this.key}: ${m.name}`);
    } finally {
      await dataSource.destroy();
    }
  }

  private runtimeDataSource(): DataSource {
    return createDataSource(this.key, this.url, {
      statementTimeoutMs: this.options.statementTimeoutMs,
      poolSize: this.options.poolSize,
      statements: this.statements,
    }).dataSource;
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.closed || this.state === 'UP') return;
      // A failed attempt schedules the next one.
      this.connect().catch(() => undefined);
    }, this.options.retryMs);
    this.retryTimer.unref();
  }
}
