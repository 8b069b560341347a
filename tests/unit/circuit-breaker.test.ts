import { CircuitBreaker, type BreakerState } from '../../src/sources/circuit-breaker';

function breaker(failureThreshold = 3, cooldownMs = 1000) {
  let now = 0;
  const changes: BreakerState[] = [];
  const b = new CircuitBreaker({ failureThreshold, cooldownMs, now: () => now, onChange: (s) => changes.push(s) });
  return { b, changes, advance: (ms: number) => (now += ms) };
}

function fail(b: CircuitBreaker, times: number) {
  for (let i = 0; i < times; i++) b.failure(b.tryAcquire()!);
}

describe('circuit breaker', () => {
  it('stays closed below the failure threshold', () => {
    const { b } = breaker(3);
    fail(b, 2);
    expect(b.state).toBe('CLOSED');
    expect(b.tryAcquire()).not.toBeNull();
  });

  it('opens after the threshold of consecutive failures and refuses calls during the cool-down', () => {
    const { b, advance } = breaker(3, 1000);
    fail(b, 3);
    expect(b.state).toBe('OPEN');
    advance(999);
    expect(b.tryAcquire()).toBeNull();
  });

  it('counts only consecutive failures: a success in between starts the count again', () => {
    const { b } = breaker(3);
    fail(b, 2);
    b.success(b.tryAcquire()!);
    fail(b, 2);
    expect(b.state).toBe('CLOSED');
  });

  it('lets exactly one probe through after the cool-down', () => {
    const { b, advance } = breaker(1, 1000);
    fail(b, 1);
    advance(1000);
    const probe = b.tryAcquire();
    expect(probe).toMatchObject({ probe: true });
    expect(b.state).toBe('HALF_OPEN');
    expect(b.tryAcquire()).toBeNull();
  });

  it('closes when the probe succeeds', () => {
    const { b, advance, changes } = breaker(1, 1000);
    fail(b, 1);
    advance(1000);
    b.success(b.tryAcquire()!);
    expect(b.state).toBe('CLOSED');
    expect(b.tryAcquire()).toMatchObject({ probe: false });
    expect(changes).toEqual(['OPEN', 'HALF_OPEN', 'CLOSED']);
  });

  it('opens for another full cool-down when the probe fails', () => {
    const { b, advance } = breaker(1, 1000);
    fail(b, 1);
    advance(1000);
    b.failure(b.tryAcquire()!);
    expect(b.state).toBe('OPEN');
    advance(999);
    expect(b.tryAcquire()).toBeNull();
    advance(1);
    expect(b.tryAcquire()).toMatchObject({ probe: true });
  });

  it('ignores results of calls admitted before the circuit opened', () => {
    const { b, advance } = breaker(2, 1000);
    const early = b.tryAcquire()!;
    fail(b, 2);
    b.success(early);
    expect(b.state).toBe('OPEN');
    advance(1000);
    const probe = b.tryAcquire()!;
    b.failure(early);
    expect(b.state).toBe('HALF_OPEN');
    b.success(probe);
    expect(b.state).toBe('CLOSED');
  });
});
