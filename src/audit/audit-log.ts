import path from 'node:path';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { AuditConfig } from './audit-config';
import { CHECKPOINT_FILE, createCheckpoint, readCheckpointFile, type Checkpoint } from './audit-checkpoints';
import { copyOnPool } from './audit-copy';
import { AuditKeys } from './audit-keys';
import { streamedVerification, verifyAuditChain, type VerificationReport } from './audit-verifier';
import { AuditWriter } from './audit-writer';

const DAY_MS = 86_400_000;

/** The hub's audit log: the writer, the signing key, and the timer that signs checkpoints and adds partitions. */
export class AuditLog {
  readonly writer: AuditWriter;
  private timer?: NodeJS.Timeout;
  private partitionsEnsuredAt = 0;

  private constructor(
    readonly db: DataSource,
    private readonly pool: Pool,
    readonly keys: AuditKeys,
    readonly dataDir: string,
    private readonly config: AuditConfig,
    private readonly log: (line: string) => void,
  ) {
    this.writer = new AuditWriter(pool);
  }

  static async open(db: DataSource, dataDir: string, config: AuditConfig, log: (line: string) => void = () => {}): Promise<AuditLog> {
    const audit = new AuditLog(db, appendPool(db, config.writeTimeoutMs), AuditKeys.load(dataDir, config.signingKeyPem), dataDir, config, log);
    await audit.ensurePartitions();
    // Without checkpoints on a timer, the timer still adds partitions daily.
    audit.timer = setInterval(() => void audit.tick(), config.checkpointIntervalMs > 0 ? config.checkpointIntervalMs : DAY_MS);
    audit.timer.unref();
    return audit;
  }

  /** This month's partition and the next two; the migration's function does the work as the table's owner. */
  async ensurePartitions(): Promise<void> {
    await this.db.query('SELECT audit_ensure_partitions(2)');
    this.partitionsEnsuredAt = Date.now();
  }

  checkpoint(): Promise<Checkpoint | null> {
    return createCheckpoint(this.db, this.keys, this.dataDir);
  }

  /** Verifies a range of seq and/or of time (default: the whole chain), streaming it with COPY on the hub's pool (two parts at once). */
  verify(range: { fromSeq?: bigint; toSeq?: bigint; from?: Date; to?: Date } = {}): Promise<VerificationReport> {
    return verifyAuditChain(this.db, this.keys.verifier, {
      ...range,
      ...streamedVerification(),
      copy: copyOnPool((this.db.driver as unknown as { master: Pool }).master),
      externalCheckpoints: readCheckpointFile(path.join(this.dataDir, CHECKPOINT_FILE)),
    });
  }

  private async tick(): Promise<void> {
    try {
      if (this.config.checkpointIntervalMs > 0) await this.checkpoint();
      if (Date.now() - this.partitionsEnsuredAt > DAY_MS) await this.ensurePartitions();
    } catch (error) {
      this.log(`audit checkpoint failed: ${error instanceof Error ? error.message : error}`);
    }
  }

  /** Stops the timer and signs the final head, so that a shutdown leaves the whole chain covered. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    if (this.config.checkpointIntervalMs > 0) await this.checkpoint().catch(() => undefined);
    await this.pool.end();
  }
}

/**
 * The writer's own connections to the hub database: appends never queue behind the requests' queries, and every
 * step is bounded (connect, lock wait, statement, and the client's own wait), so a database that hangs ends in a
 * refused answer, not a hung request.
 */
export function appendPool(db: DataSource, timeoutMs: number): Pool {
  const url = (db.options as { url?: string }).url;
  if (!url) throw new Error('the hub database must be configured by URL');
  const pool = new Pool({
    connectionString: url,
    max: 4,
    application_name: 'fuyuantong-audit',
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
    lock_timeout: timeoutMs,
    query_timeout: timeoutMs + 1000,
  });
  pool.on('error', () => undefined); // an idle connection dropped by the server; the next append reconnects
  return pool;
}
