import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { silentLogger, type Logger } from '../observability/logger';
import { loadViewer, type Viewer } from './viewer';

/** The channel the hub database's triggers on `hub_user` and `organisation` notify (migration 1796800000000). */
export const VIEWER_CHANNEL = 'hub_viewer';
const FENCE = 'fence:';
/** More users than this at once and the cache starts over (tokens are signed, so only real usernames get here). */
const MAX_ENTRIES = 10_000;

export interface ViewerCacheOptions {
  /** How long a user read from the database is reused at most; 0: every request reads its user. */
  maxAgeMs: number;
  /** Interval between attempts to listen again after the listening connection is lost. */
  retryMs?: number;
  /**
   * Interval between the listening connection's checks that notices still arrive (a notice of its own must come back
   * within the same time, or the connection is taken as lost): a connection that hangs without closing cannot leave
   * users kept longer than about this.
   */
  heartbeatMs?: number;
  /** Users kept at most (default 10,000); one more and the cache starts over. */
  maxEntries?: number;
  log?: Logger;
}

interface Cached {
  viewer: Viewer;
  until: number;
}

/**
 * The users requests act for, kept between requests only while the hub is told of every change to them.
 *
 * A dedicated connection LISTENs on `hub_viewer`, which the hub database's triggers notify on every statement that
 * changes `hub_user` or `organisation` (a user disabled, an organisation disabled, whoever changed them: this process,
 * another hub process or SQL). Users are kept only once a notice the connection sends itself has come back on it. Any
 * notice empties the cache; so does losing that connection, and until it listens again every request reads its user
 * from the database. A user read while a notice arrived is not kept (the read may predate the change). The admin
 * services of this process empty it themselves as soon as their change is committed, so here a disabled user's next
 * request is refused; in another process, once PostgreSQL has delivered the notice (milliseconds). Every `heartbeatMs`
 * the connection sends a notice of its own, which must come back in as long, or the connection is taken as lost: one
 * that hangs without closing keeps users at most two heartbeats after. `maxAgeMs` bounds how long any entry lives
 * regardless. Unknown or disabled users are never kept: they are refused by a fresh read every time.
 */
export class ViewerCache {
  private readonly entries = new Map<string, Cached>();
  /** Bumped by every notice and every change of connection: a read begun before it is not kept. */
  private generation = 0;
  private client: Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private closed = false;
  /** A warning about not listening has been logged since the last time it listened: retries do not repeat it. */
  private quiet = false;
  private readonly fences = new Map<string, { resolve: () => void; reject: (e: Error) => void }>();
  private readonly listeners: Array<() => void> = [];

  private constructor(
    private readonly hub: DataSource,
    private readonly url: string | null,
    private readonly options: ViewerCacheOptions,
  ) {}

  /** Starts listening (when caching is on); if the database cannot be listened to yet, retries in the background. */
  static async start(hub: DataSource, url: string, options: ViewerCacheOptions): Promise<ViewerCache> {
    const cache = new ViewerCache(hub, options.maxAgeMs > 0 ? url : null, options);
    if (cache.url) await cache.listen();
    return cache;
  }

  /** Whether users are being kept (caching on and the notices heard). */
  get listening(): boolean {
    return this.client !== null;
  }

  /** The enabled user of an enabled organisation, or null. */
  async get(username: string): Promise<Viewer | null> {
    const now = Date.now();
    const cached = this.entries.get(username);
    if (cached && cached.until > now) return cached.viewer;
    const generation = this.generation;
    const viewer = await loadViewer(this.hub, username);
    if (viewer && this.client && generation === this.generation) {
      if (this.entries.size >= (this.options.maxEntries ?? MAX_ENTRIES)) this.entries.clear();
      this.entries.set(username, { viewer: Object.freeze(viewer), until: now + this.options.maxAgeMs });
    } else if (cached) {
      this.entries.delete(username);
    }
    return viewer;
  }

  /** Forgets every user; a read in progress is not kept. Called on every notice and by changes of this process. */
  forget(): void {
    this.generation++;
    this.entries.clear();
  }

  /**
   * Resolves once every change committed before the call has been heard (a notice sent now, after them, has come
   * back: PostgreSQL delivers notices in commit order). Waits for the connection if it is being re-established.
   */
  async caughtUp(): Promise<void> {
    if (!this.url) return;
    while (!this.client) {
      if (this.closed) throw new Error('the viewer cache is closed');
      await new Promise<void>((resolve) => this.listeners.push(resolve));
    }
    await this.echo(this.client);
  }

  /** A notice sent on `client`, heard back on it within `heartbeatMs`; rejects otherwise. */
  private async echo(client: Client): Promise<void> {
    const id = randomUUID();
    const limit = this.options.heartbeatMs ?? 5000;
    let timer: NodeJS.Timeout | undefined;
    const heard = new Promise<void>((resolve, reject) => {
      this.fences.set(id, { resolve, reject });
      timer = setTimeout(() => {
        this.fences.delete(id);
        reject(new Error(`no notice came back within ${limit} ms`));
      }, limit);
    });
    try {
      await Promise.all([client.query('SELECT pg_notify($1, $2)', [VIEWER_CHANNEL, FENCE + id]), heard]);
    } finally {
      clearTimeout(timer);
      this.fences.delete(id);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.heartbeat) clearInterval(this.heartbeat);
    const client = this.client;
    this.drop(new Error('the viewer cache is closed'));
    this.listeners.splice(0).forEach((wake) => wake());
    await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.url!, application_name: 'fuyuantong-viewers' });
    client.on('notification', (n) => this.heard(n.channel, n.payload ?? ''));
    const lost = () => this.lost(client);
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${VIEWER_CHANNEL}`);
      // Users are kept only once a notice is seen to come back (a pooler in transaction mode, say, would lose them).
      await this.echo(client);
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      if (!this.quiet) {
        (this.options.log ?? silentLogger).warn(
          `users are read on every request until the hub database can be listened to: ${error instanceof Error ? error.message : error}`,
        );
      }
      this.quiet = true;
      this.scheduleRetry();
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    // Whatever changed while nobody listened is not known: start empty.
    this.forget();
    this.client = client;
    this.quiet = false;
    this.listeners.splice(0).forEach((wake) => wake());
    this.heartbeat ??= setInterval(() => void this.beat(), this.options.heartbeatMs ?? 5000);
    this.heartbeat.unref();
  }

  /** A notice of its own, back within `heartbeatMs`, or the connection is taken as lost. */
  private async beat(): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      await this.echo(client);
    } catch {
      this.lost(client);
    }
  }

  private heard(channel: string, payload: string): void {
    if (channel !== VIEWER_CHANNEL) return;
    if (payload.startsWith(FENCE)) {
      // `echo` removes its fence once settled.
      this.fences.get(payload.slice(FENCE.length))?.resolve();
      return;
    }
    this.forget();
  }

  private lost(client: Client): void {
    if (this.client !== client) return;
    this.drop(new Error('the connection listening for changes to users was lost'));
    client.end().catch(() => undefined);
    (this.options.log ?? silentLogger).warn('lost the connection listening for changes to users: reading users on every request until it is back');
    this.quiet = true;
    this.scheduleRetry();
  }

  private drop(reason: Error): void {
    this.client = null;
    this.forget();
    for (const fence of this.fences.values()) fence.reject(reason);
    this.fences.clear();
  }

  private scheduleRetry(): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      if (!this.closed) void this.listen();
    }, this.options.retryMs ?? 1000);
    this.retry.unref();
  }
}
