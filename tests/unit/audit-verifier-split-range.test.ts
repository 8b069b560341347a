import { splitRange } from '../../src/audit/audit-verifier';

describe('a range cut into parts for streams at once', () => {
  it('cuts whole batches, as evenly as they go, covering the range once', () => {
    expect(splitRange(1n, 100n, 3, 10)).toEqual([
      [1n, 40n],
      [41n, 70n],
      [71n, 100n],
    ]);
    expect(splitRange(5n, 7n, 3, 10)).toEqual([[5n, 7n]]);
    expect(splitRange(1n, 21n, 2, 10)).toEqual([
      [1n, 20n],
      [21n, 21n],
    ]);
    expect(splitRange(1n, 0n, 2, 10)).toEqual([[1n, 0n]]);
    for (const [from, to, count, size] of [
      [1n, 1_000_000n, 2, 10_000],
      [999n, 123_456n, 5, 7],
      [3n, 50n, 4, 1],
    ] as const) {
      const parts = splitRange(from, to, count, size);
      expect(parts[0][0]).toBe(from);
      expect(parts[parts.length - 1][1]).toBe(to);
      for (let k = 1; k < parts.length; k += 1) expect(parts[k][0]).toBe(parts[k - 1][1] + 1n);
      expect(parts).toHaveLength(count);
    }
  });
});
