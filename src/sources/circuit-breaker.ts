export type BreakerState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

export interface BreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses calls before letting one probe through. */
  cooldownMs: number;
  now?: () => number;
  onChange?: (state: BreakerState, previous: BreakerState) => void;
}

/** Leave to call the source once; its result is reported back with it. */
export interface BreakerPermit {
  readonly probe: boolean;
  readonly epoch: number;
}

/**
 * One per source. CLOSED lets everything through and counts consecutive failures; at the threshold it opens.
 * OPEN refuses every call until the cool-down has passed, then lets exactly one probe through (HALF_OPEN):
 * its success closes the circuit, its failure opens it for another cool-down. Results of calls admitted
 * before the circuit last opened are stale and change nothing.
 */
export class CircuitBreaker {
  private current: BreakerState = 'CLOSED';
  private failures = 0;
  private openedAt = 0;
  private epoch = 0;
  private probing = false;
  private readonly now: () => number;

  constructor(private readonly options: BreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    return this.current;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  /** A permit to call the source now, or null while the circuit refuses calls. */
  tryAcquire(): BreakerPermit | null {
    if (this.current === 'CLOSED') return { probe: false, epoch: this.epoch };
    if (this.current === 'OPEN') {
      if (this.now() - this.openedAt < this.options.cooldownMs) return null;
      this.moveTo('HALF_OPEN');
    }
    if (this.probing) return null;
    this.probing = true;
    return { probe: true, epoch: this.epoch };
  }

  success(permit: BreakerPermit): void {
    if (permit.probe) {
      this.probing = false;
      this.failures = 0;
      this.moveTo('CLOSED');
    } else if (this.current === 'CLOSED' && permit.epoch === this.epoch) {
      this.failures = 0;
    }
  }

  failure(permit: BreakerPermit): void {
    if (permit.probe) {
      this.probing = false;
      this.failures += 1;
      this.open();
    } else if (this.current === 'CLOSED' && permit.epoch === this.epoch) {
      this.failures += 1;
      if (this.failures >= this.options.failureThreshold) this.open();
    }
  }

  private open(): void {
    this.openedAt = this.now();
    this.epoch += 1;
    this.moveTo('OPEN');
  }

  private moveTo(state: BreakerState): void {
    const previous = this.current;
    if (previous === state) return;
    this.current = state;
    this.options.onChange?.(state, previous);
  }
}
