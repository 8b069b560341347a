import type { Pool, PoolClient } from 'pg';
import { chain, type AuditDraft, type ChainedEntry } from './audit-entry-hash';
import { appendEntries, listDigests, type ExpectedHead } from './insert-entries';
import { wellFormedDraft } from './well-formed-draft';
import { observeAuditWrite } from '../observability/metrics';

interface Pending {
  drafts: AuditDraft[];
  resolve(entries: ChainedEntry[]): void;
  reject(error: unknown): void;
}

/** Most requests whose entries share one transaction. */
const MAX_GROUP = 200;

/** Most distinct lists of fields known to be stored; past that the writer forgets them all and sends each once more. */
const MAX_STORED_LISTS = 1000;

/** The head as this process last wrote or read it, and how far PostgreSQL's clock was ahead of ours then. */
interface KnownHead extends ExpectedHead {
  at: Date;
  clockOffset: number;
}

/**
 * Appends entries to the chain. Each append moves the head row in the statement that inserts the entries, and only
 * if the head is still the one the entries were chained onto: the UPDATE holds the head's row lock until the commit,
 * so appends are serialised by PostgreSQL across all hub processes and sequence numbers have no gaps. While this
 * process knows the head (it wrote it last), an append is that one statement in its own transaction. Otherwise (at
 * start, after another process appended, after a failure) the append locks the head first (SELECT … FOR UPDATE),
 * chains onto what it read and sends the same statement in that transaction, which cannot then miss. Within one
 * process, requests that finish while an append is running are committed together in the next one (group commit);
 * if that shared append fails, each request is retried alone so that one bad entry cannot cost other requests their
 * answer.
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

  private head: KnownHead | undefined;

  /**
   * The digests of the lists of fields this process committed along the chain up to the head it knows. An append
   * that extends that very head (the UPDATE checks it) need not send them again: the head's entries were committed
   * after them, so wherever that head is, they are. Whenever the head is not known (at start, after another process
   * appended, after a failure or a restore) they are forgotten and every list is sent again.
   */
  private readonly storedLists = new Set<string>();

  private rememberLists(entries: ChainedEntry[]): void {
    for (const digest of listDigests(entries)) {
      if (this.storedLists.size >= MAX_STORED_LISTS && !this.storedLists.has(digest)) this.storedLists.clear();
      this.storedLists.add(digest);
    }
  }

  /** The entries chained onto `head`, dated by PostgreSQL's clock as last seen, never before the head. */
  private static chainOnto(drafts: AuditDraft[], head: KnownHead): ChainedEntry[] {
    const now = Math.floor(Date.now() + head.clockOffset);
    return chain(drafts, { seq: head.seq, hash: head.hash }, new Date(Math.max(now, head.at.getTime())));
  }

  private remember(entries: ChainedEntry[], postgresNow: Date): void {
    const last = entries[entries.length - 1];
    this.head = { seq: BigInt(last.seq), hash: last.hash, at: last.at, clockOffset: postgresNow.getTime() - Date.now() };
  }

  private async write(drafts: AuditDraft[]): Promise<ChainedEntry[]> {
    const known = this.head;
    this.head = undefined; // known again only once this append is committed
    if (known) {
      const entries = AuditWriter.chainOnto(drafts, known);
      const { appended, now } = await appendEntries(this.pool, entries, known, this.storedLists);
      if (appended) {
        this.remember(entries, now);
        this.rememberLists(entries);
        return entries;
      }
      // Another process moved the head: nothing was written; chain onto the head as it is now.
    }
    this.storedLists.clear();
    return this.writeLocked(drafts);
  }

  /**
   * One transaction in three round trips: begin and lock the head; insert the entries and move the head (one
   * statement); commit. Few round trips keep the head locked briefly, which bounds appends across processes.
   */
  private async writeLocked(drafts: AuditDraft[]): Promise<ChainedEntry[]> {
    const client: PoolClient = await this.pool.connect();
    let broken: Error | undefined;
    try {
      const [, locked] = (await client.query(
        `BEGIN; SELECT seq, hash, at, date_trunc('milliseconds', clock_timestamp()) AS now FROM audit_head WHERE id = 1 FOR UPDATE`,
      )) as unknown as Array<{ rows: Array<{ seq: string; hash: string; at: Date; now: Date }> }>;
      const row = locked.rows[0];
      if (!row) throw new Error('audit_head row is missing');
      const now = new Date(row.now);
      // Time never runs backwards along the chain, even across processes whose clocks differ.
      const head: KnownHead = { seq: BigInt(row.seq), hash: row.hash, at: new Date(row.at), clockOffset: now.getTime() - Date.now() };
      const entries = AuditWriter.chainOnto(drafts, head);
      const { appended } = await appendEntries(client, entries, head);
      if (!appended) throw new Error('the locked audit head moved');
      await client.query('COMMIT');
      this.remember(entries, now);
      this.rememberLists(entries);
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
