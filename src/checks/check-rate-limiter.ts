import { GraphQLError } from 'graphql';

/**
 * A sliding-window count per agency (subjects checked, batches uploaded): at most `limit` in any `windowMs`.
 * Kept in this process, like the subject-read limit: with N hub processes an agency may reach N × the limit.
 */
export class CheckRateLimiter {
  private readonly taken = new Map<string, Array<{ at: number; n: number }>>();

  constructor(
    /** 0 turns the limit off. */
    readonly limit: number,
    readonly windowMs: number,
    readonly what: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts `n` for `key`, or throws FORBIDDEN with reason RATE_LIMITED and retryAfterSeconds (nothing counted then). */
  take(key: string, n: number): void {
    if (this.limit === 0) return;
    const now = this.now();
    const log = (this.taken.get(key) ?? []).filter((t) => t.at > now - this.windowMs);
    let used = log.reduce((sum, t) => sum + t.n, 0);
    if (used + n > this.limit) {
      this.taken.set(key, log);
      // The oldest counts age out first; a request larger than the limit itself can never pass.
      let freedAt = now + this.windowMs;
      if (n <= this.limit) {
        for (const t of log) {
          used -= t.n;
          if (used + n <= this.limit) {
            freedAt = t.at + this.windowMs;
            break;
          }
        }
      }
      throw rateLimited(
        `${this.what} limit reached (${this.limit} per ${this.windowMs / 60_000} min)`,
        Math.max(1, Math.ceil((freedAt - now) / 1000)),
      );
    }
    log.push({ at: now, n });
    this.taken.set(key, log);
  }
}

export function rateLimited(what: string, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(`${what}; retry in ${retryAfterSeconds} s`, {
    extensions: { code: 'FORBIDDEN', reason: 'RATE_LIMITED', retryAfterSeconds },
  });
}
