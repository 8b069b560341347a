import { GraphQLError } from 'graphql';

export const SUBJECT_READ_WINDOW_MS = 60_000;

/**
 * Per-user sliding-window limit on subject reads: at most `limit` distinct subjects reached through cases in any
 * 60 seconds. A subject read twice in one request counts once. The window lives in this process: with N hub
 * processes behind a load balancer, a user may reach N × limit.
 */
export class SubjectReadLimiter {
  private readonly reads = new Map<string, number[]>();
  private readonly counted = new WeakMap<object, Set<string>>();

  constructor(
    /** Reads per user per minute; 0 turns the limit off. */
    readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Records the reads of `subjectIds` by `userId` within `request` (any per-request object), or throws FORBIDDEN
   * with `reason: RATE_LIMITED` and `retryAfterSeconds` when they would exceed the limit; nothing is recorded then.
   */
  take(request: object, userId: string, subjectIds: string[]): void {
    if (this.limit === 0) return;
    const seen = this.counted.get(request) ?? new Set<string>();
    const fresh = [...new Set(subjectIds)].filter((id) => !seen.has(id));
    if (fresh.length === 0) return;
    const now = this.now();
    const log = (this.reads.get(userId) ?? []).filter((t) => t > now - SUBJECT_READ_WINDOW_MS);
    const excess = log.length + fresh.length - this.limit;
    if (excess > 0) {
      this.reads.set(userId, log);
      // The reads that must age out first are the oldest ones; a request larger than the limit can never pass.
      const freedAt = excess <= log.length ? log[excess - 1] + SUBJECT_READ_WINDOW_MS : now + SUBJECT_READ_WINDOW_MS;
      throw rateLimited(this.limit, Math.max(1, Math.ceil((freedAt - now) / 1000)));
    }
    for (const id of fresh) {
      seen.add(id);
      log.push(now);
    }
    this.counted.set(request, seen);
    this.reads.set(userId, log);
  }
}

function rateLimited(limit: number, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(`Subject read limit reached (${limit} per minute); retry in ${retryAfterSeconds} s`, {
    extensions: { code: 'FORBIDDEN', reason: 'RATE_LIMITED', retryAfterSeconds },
  });
}
