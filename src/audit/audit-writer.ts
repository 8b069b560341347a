import type { Pool, PoolClient } from 'pg';
import { chain, type AuditDraft, type ChainedEntry } from './audit-entry-hash';
import { insertEntries } from './insert-entries';
import { wellFormedDraft } from './well-formed-draft';
import { observeAuditWrite } from '../observability/metrics';

interface Pending {
  drafts: AuditDraft[];
  resolve(entries: ChainedEntry[]): void;
  reject(error: unknown): void;
}

/** Most requests whose entries share one transaction. */
const MAX_GROUP = 200;

/**
 * Appends entries to the chain. Each append locks the head row (SELECT … FOR UPDATE) in the transaction that
 * inserts the entries and moves the head, so appends are serialised by PostgreSQL across all hub processes and
 * sequence numbers have no gaps. Within one process, requests that finish while an append is running are
 * committed together in the next one (group commit); if that shared append fails, each request is retried alone
 * so that one bad entry cannot cost other requests their answer.
 */
export class AuditWriter {
  private queue: Pending[] = [];
  private flushing = false;

  /** `pool`: connections of the writer's own, with statement and lock timeouts (see audit-log.ts). */
  constructor(private readonly pool: Pool) {}

  /** Resolves once the drafts are committed; rejects if they could not be. */
  append(given: AuditDraft[]): Promise<ChainedEntry[]> {
    if (given.length === 0) return Promise.resolve([]);
    const drafts = given.map(wellFormedDraft);
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    return new Promise((resolve, reject) => {
      // Measured from the request's point of view: waiting for the group commit included.
      this.queue.push({
        drafts,
        resolve: (entries) => {
          observeAuditWrite(seconds(), 'ok');
          resolve(entries);
        },
        reject: (error) => {
          observeAuditWrite(seconds(), 'failed');
          reject(error);
        },
      });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, MAX_GROUP);
        try {
          const written = await this.write(group.flatMap((p) => p.drafts));
          let offset = 0;
          for (const p of group) {
            p.resolve(written.slice(offset, offset + p.drafts.length));
            offset += p.drafts.length;
          }
        } catch (error) {
          if (group.length === 1) {
            group[0].reject(error);
            continue;
          }
          for (const p of group) {
            try {
              p.resolve(await this.write(p.drafts));
            } catch (alone) {
              p.reject(alone);
            }
          }
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /**
   * One transaction in three round trips: begin and lock the head; insert the entries and move the head (one
   * statement); commit. Few round trips keep the head locked briefly, which bounds appends across processes.
   */
  private async write(drafts: AuditDraft[]): Promise<ChainedEntry[]> {
    const client: PoolClient = await this.pool.connect();
    let broken: Error | undefined;
    try {
      const [, locked] = (await client.query(
        `BEGIN; SELECT seq, hash, at, date_trunc('milliseconds', clock_timestamp()) AS now FROM audit_head WHERE id = 1 FOR UPDATE`,
      )) as unknown as Array<{ rows: Array<{ seq: string; hash: string; at: Date; now: Date }> }>;
      const head = locked.rows[0];
      if (!head) throw new Error('audit_head row is missing');
      // Time never runs backwards along the chain, even across processes whose clocks differ.
      const at = new Date(Math.max(new Date(head.now).getTime(), new Date(head.at).getTime()));
      const entries = chain(drafts, { seq: BigInt(head.seq), hash: head.hash }, at);
      await insertEntries(client, entries, { moveHead: true });
      await client.query('COMMIT');
      return entries;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollback: Error) => {
        broken = rollback; // the connection itself failed: do not reuse it
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }
}
