import { isValidResidentId, normaliseResidentId, residentIdCheckChar, residentIdProblem } from '../../src/ids/resident-id';

// Expected check characters below were derived independently (outside this code base).
describe('resident ID', () => {
  const now = new Date('2026-11-22T04:00:00Z');

  it('computes the check character of the GB 11643 example', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('34152419900307123')).toBe('3');
  });

  it('rejects check-character input that is not 17 digits', () => {
    expect(() => residentIdCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => residentIdCheckChar('1101051949123100A')).toThrow(RangeError);
  });

  it('accepts valid resident IDs', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('341524199003071233')).toBe(true);
    expect(residentIdProblem('810000199003071237', now)).toBeNull();
  });

  it('rejects a resident ID whose check digit is wrong', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(residentIdProblem('110105194912310021')).toBe('check digit mismatch');
  });

  it('rejects a lowercase x until the ID is normalised', () => {
    expect(isValidResidentId('11010519491231002x')).toBe(false);
    expect(residentIdProblem('11010519491231002x')).toMatch(/uppercase X/);
    expect(normaliseResidentId(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(isValidResidentId(normaliseResidentId(' 11010519491231002x '))).toBe(true);
  });

  it('rejects IDs of the wrong length or with non-digits', () => {
    expect(residentIdProblem('')).toBe('must be 18 characters');
    expect(residentIdProblem('11010519491231002')).toBe('must be 18 characters');
    expect(residentIdProblem(' 11010519491231002X')).toBe('must be 18 characters');
    expect(residentIdProblem('1101051949123100XX')).toBe('first 17 characters must be digits');
    expect(residentIdProblem('11010519491231002A')).toMatch(/check character/);
  });

  it('rejects an unknown province prefix in the region code', () => {
    expect(residentIdProblem('991524199003071234', now)).toBe('invalid region code');
    expect(residentIdProblem('001524199003071235', now)).toBe('invalid region code');
  });

  it('rejects birth dates that are not real calendar dates', () => {
    expect(residentIdProblem('440304199902301238', now)).toBe('invalid birth date'); // 30 Feb
    expect(residentIdProblem('341524202302290019', now)).toBe('invalid birth date'); // 2023 not leap
    expect(residentIdProblem('341524190002290011', now)).toBe('invalid birth date'); // 1900 not leap
  });

  it('accepts 29 February in a leap year', () => {
    expect(residentIdProblem('341524200002290018', now)).toBeNull();
  });

  it('rejects birth years outside 1900..current year', () => {
    expect(residentIdProblem('34152418991231001X', now)).toMatch(/birth year must be between 1900 and 2026/);
    expect(residentIdProblem('341524190001010014', now)).toBeNull();
    expect(residentIdProblem('341524202612310011', new Date('2025-06-01T00:00:00Z'))).toMatch(/birth year/);
  });

  it('rejects a birth date later than today in China (UTC+8)', () => {
    expect(residentIdProblem('341524202611220014', now)).toBeNull();
    expect(residentIdProblem('34152420261123001X', new Date('2026-11-22T15:59:00Z'))).toBe('birth date is in the future');
    expect(residentIdProblem('34152420261123001X', new Date('2026-11-22T16:01:00Z'))).toBeNull();
  });
});
