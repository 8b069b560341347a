import { GraphQLError } from 'graphql';
import { SubjectReadLimiter } from '../../src/auth/subject-read-limiter';

function refusal(fn: () => void): GraphQLError | null {
  try {
    fn();
    return null;
  } catch (error) {
    return error as GraphQLError;
  }
}

describe('subject read limiter', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000_000;
  });

  it('allows reads up to the limit and refuses the next with RATE_LIMITED and a retry time', () => {
    const limiter = new SubjectReadLimiter(3, clock);
    limiter.take({}, 'u1', ['a', 'b']);
    now += 10_000;
    limiter.take({}, 'u1', ['c']);
    now += 5_000;
    const error = refusal(() => limiter.take({}, 'u1', ['d']));
    expect(error?.extensions).toEqual({ code: 'FORBIDDEN', reason: 'RATE_LIMITED', retryAfterSeconds: 45 });
  });

  it('frees capacity as reads leave the sliding window', () => {
    const limiter = new SubjectReadLimiter(2, clock);
    limiter.take({}, 'u1', ['a']);
    now += 30_000;
    limiter.take({}, 'u1', ['b']);
    now += 29_999;
    expect(refusal(() => limiter.take({}, 'u1', ['c']))).not.toBeNull();
    now += 2;
    expect(refusal(() => limiter.take({}, 'u1', ['c']))).toBeNull();
  });

  it('counts a subject once per request however often the request reaches it', () => {
    const limiter = new SubjectReadLimiter(2, clock);
    const request = {};
    limiter.take(request, 'u1', ['a', 'a']);
    limiter.take(request, 'u1', ['a', 'b']);
    expect(refusal(() => limiter.take(request, 'u1', ['b', 'a']))).toBeNull();
    expect(refusal(() => limiter.take({}, 'u1', ['a']))).not.toBeNull();
  });

  it('keeps users apart and records nothing for a refused request', () => {
    const limiter = new SubjectReadLimiter(1, clock);
    limiter.take({}, 'u1', ['a']);
    expect(refusal(() => limiter.take({}, 'u2', ['a']))).toBeNull();
    expect(refusal(() => limiter.take({}, 'u1', ['b']))).not.toBeNull();
    now += 60_001;
    expect(refusal(() => limiter.take({}, 'u1', ['b']))).toBeNull();
  });

  it('is off at 0', () => {
    const limiter = new SubjectReadLimiter(0, clock);
    const refusals = Array.from({ length: 1000 }, (_, i) => refusal(() => limiter.take({}, 'u1', [`s${i}`])));
    expect(refusals.filter(Boolean)).toEqual([]);
  });
});
