import { Random } from '../../src/seed/random';

describe('Random', () => {
  it('produces the same sequence for the same seed', () => {
    const a = new Random(42);
    const b = new Random(42);
    const c = new Random('fuyuantong');
    const d = new Random('fuyuantong');
    for (let i = 0; i < 100; i++) {
      expect(a.next()).toBe(b.next());
      expect(c.int(0, 1000)).toBe(d.int(0, 1000));
    }
  });

  it('produces different sequences for different seeds', () => {
    const seq = (seed: number | string) => {
      const r = new Random(seed);
      return Array.from({ length: 5 }, () => r.uint32());
    };
    expect(seq(1)).not.toEqual(seq(2));
    expect(seq('a')).not.toEqual(seq('b'));
  });

  it('keeps next() within [0, 1)', () => {
    const r = new Random(7);
    for (let i = 0; i < 10000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  it('returns integers in the inclusive range, hitting both ends', () => {
    const r = new Random(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const x = r.int(-2, 3);
      expect(Number.isInteger(x) && x >= -2 && x <= 3).toBe(true);
      seen.add(x);
    }
    expect([...seen].sort((p, q) => p - q)).toEqual([-2, -1, 0, 1, 2, 3]);
    expect(r.int(5, 5)).toBe(5);
    expect(() => r.int(3, 2)).toThrow(RangeError);
  });

  it('picks elements of the array and refuses an empty one', () => {
    const r = new Random(3);
    const items = ['a', 'b', 'c'] as const;
    for (let i = 0; i < 100; i++) expect(items).toContain(r.pick(items));
    expect(() => r.pick([])).toThrow(RangeError);
  });

  it('treats chance(0) as never and chance(1) as always', () => {
    const r = new Random(4);
    for (let i = 0; i < 100; i++) {
      expect(r.chance(0)).toBe(false);
      expect(r.chance(1)).toBe(true);
    }
  });

  it('returns dates within the range', () => {
    const r = new Random(5);
    const from = new Date('2000-01-01T00:00:00Z');
    const to = new Date('2000-01-02T00:00:00Z');
    for (let i = 0; i < 1000; i++) {
      const d = r.date(from, to).getTime();
      expect(d >= from.getTime() && d <= to.getTime()).toBe(true);
    }
    expect(() => r.date(to, from)).toThrow(RangeError);
  });

  it('returns strings of n digits', () => {
    const r = new Random(6);
    expect(r.digits(0)).toBe('');
    for (let i = 0; i < 100; i++) expect(r.digits(8)).toMatch(/^\d{8}$/);
    expect(() => r.digits(-1)).toThrow(RangeError);
  });
});
