import { isValidResidentId } from '../../src/ids/resident-id';
import { isValidUscc } from '../../src/ids/unified-social-credit-code';
import {
  CERTIFICATE_SPACE,
  IndexPermutation,
  PLATE_SPACE,
  RESIDENT_ID_SPACE,
  USCC_SPACE,
  certificateAt,
  plateAt,
  residentIdAt,
  usccAt,
} from '../../src/seed/unique-codes';

describe('IndexPermutation', () => {
  it.each([1, 2, 7, 1000, 4097])('maps [0, %i) onto itself one-to-one', (size) => {
    const p = new IndexPermutation(size, 'k');
    const xs = Array.from({ length: size }, (_, i) => p.at(i));
    expect(xs.every((x) => x >= 0 && x < size)).toBe(true);
    expect(new Set(xs).size).toBe(size);
  });

  it('depends on its key and rejects indices outside the domain', () => {
    const a = Array.from({ length: 20 }, (_, i) => new IndexPermutation(1_000_000, 'a').at(i));
    const b = Array.from({ length: 20 }, (_, i) => new IndexPermutation(1_000_000, 'b').at(i));
    expect(a).not.toEqual(b);
    expect(() => new IndexPermutation(10, 'a').at(10)).toThrow(RangeError);
    expect(() => new IndexPermutation(10, 'a').at(-1)).toThrow(RangeError);
  });

  it('handles domains beyond 32 bits', () => {
    const p = new IndexPermutation(USCC_SPACE, 'wide');
    const xs = Array.from({ length: 1000 }, (_, i) => p.at(i));
    expect(new Set(xs).size).toBe(1000);
    expect(xs.every((x) => x < USCC_SPACE)).toBe(true);
  });
});

describe('identifier spaces', () => {
  const edges = (space: number) => [0, 1, 2, 3, 4, 5, 6, Math.floor(space / 2), space - 2, space - 1];

  it('produces valid resident IDs across the whole space', () => {
    for (const x of edges(RESIDENT_ID_SPACE)) {
      const { idNumber, birthDate, sex } = residentIdAt(x);
      expect(isValidResidentId(idNumber)).toBe(true);
      expect(idNumber.slice(6, 14)).toBe(birthDate.replace(/-/g, ''));
      expect(Number(idNumber[16]) % 2 === 1).toBe(sex === 'M');
    }
  });

  it('produces valid USCCs in both organisation-code forms', () => {
    const codes = edges(USCC_SPACE).map((x) => usccAt(x).idNumber);
    expect(codes.every(isValidUscc)).toBe(true);
    expect(codes[0].slice(8, 10)).toBe('MA');
    expect(codes[codes.length - 1].slice(8, 16)).toMatch(/^\d{8}$/);
  });

  it('gives distinct codes to distinct indices', () => {
    const n = 5000;
    const sample = (f: (x: number) => string, space: number) => {
      const step = Math.floor(space / n);
      return new Set(Array.from({ length: n }, (_, i) => f(i * step + (i % 7)))).size;
    };
    expect(sample((x) => residentIdAt(x).idNumber, RESIDENT_ID_SPACE)).toBe(n);
    expect(sample((x) => usccAt(x).idNumber, USCC_SPACE)).toBe(n);
    expect(sample((x) => plateAt(x), PLATE_SPACE)).toBe(n);
    expect(sample((x) => certificateAt(x, '金寨县').certificateNo, CERTIFICATE_SPACE)).toBe(n);
  });

  it('enumerates plates of a prefecture with at most two letters, each once', () => {
    const plates = new Set<string>();
    const malformed: string[] = [];
    let drawn = 0;
    for (let x = 0; x < PLATE_SPACE; x += x < PLATE_SPACE - 100 ? 37 : 1) {
      drawn++;
      const p = plateAt(x);
      if (!/^皖N·[0-9A-HJ-NP-Z]{5}$/.test(p) || p.slice(3).replace(/[0-9]/g, '').length > 2) malformed.push(p);
      plates.add(p);
    }
    expect(malformed).toEqual([]);
    expect(plates.size).toBe(drawn);
    expect(plateAt(0)).toBe('皖N·00000');
    expect(plateAt(PLATE_SPACE - 1)).toBe('皖N·999ZZ');
  });
});
