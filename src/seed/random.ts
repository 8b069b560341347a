// Small deterministic PRNG (sfc32) so seed data is reproducible from a seed.
// Not for anything security-related.

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string = 0) {
    // Seed the four state words from a 32-bit hash of the seed, via splitmix32.
    let h = typeof seed === 'string' ? fnv1a(seed) : hashNumber(seed);
    const split = (): number => {
      h = (h + 0x9e3779b9) | 0;
      let z = h;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = split();
    this.b = split();
    this.c = split();
    this.d = split();
    // Discard the first outputs, which are weakly mixed.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** Next raw 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform float in [0, 1) with 53 bits of precision. */
  next(): number {
    const hi = this.uint32() >>> 5; // 27 bits
    const lo = this.uint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
      throw new RangeError(`invalid integer range [${min}, ${max}]`);
    }
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('cannot pick from an empty array');
    return items[this.int(0, items.length - 1)];
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Uniform instant in [from, to], at millisecond resolution. */
  date(from: Date, to: Date): Date {
    const lo = from.getTime();
    const hi = to.getTime();
    if (Number.isNaN(lo) || Number.isNaN(hi) || lo > hi) {
      throw new RangeError('invalid date range');
    }
    return new Date(this.int(lo, hi));
  }

  /** String of n random decimal digits (leading zeros allowed). */
  digits(n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`invalid digit count ${n}`);
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Mixes both halves so seeds beyond 32 bits (or fractional seeds) still differ.
function hashNumber(n: number): number {
  if (!Number.isFinite(n)) throw new RangeError(`invalid seed ${n}`);
  return Number.isInteger(n) && n >= 0 && n <= 0xffffffff ? n >>> 0 : fnv1a(String(n));
}
