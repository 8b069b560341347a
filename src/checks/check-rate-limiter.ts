import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';

interface WindowRow {
  windowStart: Date;
  used: number;
  previous: number;
}

/**
 * A count per agency (subjects checked, batches uploaded) held in the hub database (`check_rate_window`), so that
 * every hub process on that database counts against the same limit: at most `limit` within any `windowMs`, estimated
 * as a sliding window from two fixed ones (the current window's count plus the previous window's, weighted by the part
 * of it the sliding window still covers). One statement per call: an UPSERT of the agency's row that counts `n` only
 * when the estimate stays within the limit; the row lock orders concurrent calls, so no two pass on the same room.
 */
export class CheckRateLimiter {
  constructor(
    private readonly db: DataSource,
    /** The row's name: one row per agency and limit. */
    readonly name: string,
    /** 0 turns the limit off. */
    readonly limit: number,
    readonly windowMs: number,
    readonly what: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Counts `n` for the agency, or throws FORBIDDEN with reason RATE_LIMITED and retryAfterSeconds (nothing counted then). */
  async take(organisationId: string, n: number): Promise<void> {
    if (this.limit === 0) return;
    const now = this.now().getTime();
    const start = Math.floor(now / this.windowMs) * this.windowMs;
    // The share of the previous window still inside the sliding window ending now.
    const carried = 1 - (now - start) / this.windowMs;
    if (n <= this.limit) {
      const counted: unknown[] = await this.db.query(
        `INSERT INTO check_rate_window AS r (organisation_id, limit_name, window_start, used, previous) VALUES ($1, $2, $3, $4, 0)
         ON CONFLICT (organisation_id, limit_name) DO UPDATE SET
           window_start = GREATEST(r.window_start, EXCLUDED.window_start),
           previous = CASE WHEN r.window_start >= EXCLUDED.window_start THEN r.previous WHEN r.window_start = $5 THEN r.used ELSE 0 END,
           used = CASE WHEN r.window_start >= EXCLUDED.window_start THEN r.used ELSE 0 END + EXCLUDED.used
         WHERE CASE WHEN r.window_start >= EXCLUDED.window_start THEN r.used ELSE 0 END + EXCLUDED.used
               + $6::float8 * CASE WHEN r.window_start >= EXCLUDED.window_start THEN r.previous WHEN r.window_start = $5 THEN r.used ELSE 0 END
               <= $7
         RETURNING r.used`,
        [organisationId, this.name, new Date(start), n, new Date(start - this.windowMs), carried, this.limit],
      );
      if (counted.length === 1) return;
    }
    throw rateLimited(
      `${this.what} limit reached (${this.limit} per ${this.windowMs / 60_000} min)`,
      await this.retryAfter(organisationId, n, now, start),
    );
  }

  /** Seconds until `n` more would pass, were nothing else counted meanwhile; a request over the limit itself never passes. */
  private async retryAfter(organisationId: string, n: number, now: number, start: number): Promise<number> {
    const W = this.windowMs;
    let freedAt = now + W;
    const [row] = (await this.db.query(
      `SELECT window_start AS "windowStart", used, previous FROM check_rate_window WHERE organisation_id = $1 AND limit_name = $2`,
      [organisationId, this.name],
    )) as WindowRow[];
    if (row && n <= this.limit) {
      const at = new Date(row.windowStart).getTime();
      const current = at >= start ? row.used : 0;
      const previous = at >= start ? row.previous : at === start - W ? row.used : 0;
      const room = this.limit - n;
      if (current <= room && previous > 0) freedAt = start + W * (1 - (room - current) / previous);
      else if (current > 0) freedAt = start + W + W * (1 - room / current);
    }
    return Math.max(1, Math.ceil((freedAt - now) / 1000));
  }
}

export function rateLimited(what: string, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(`${what}; retry in ${retryAfterSeconds} s`, {
    extensions: { code: 'FORBIDDEN', reason: 'RATE_LIMITED', retryAfterSeconds },
  });
}
