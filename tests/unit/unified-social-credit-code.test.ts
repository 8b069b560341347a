import { isValidUscc, normaliseUscc, orgCodeCheckChar, usccCheckChar, usccProblem } from '../../src/ids/unified-social-credit-code';

// Expected check characters below were derived independently (outside this code base).
describe('unified social credit code', () => {
  it('accepts the GB 32100 example code', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
  });

  it('accepts other codes whose check characters verify', () => {
    expect(usccProblem('91110108551385082Q')).toBeNull();
    expect(usccProblem('914403001922038216')).toBeNull();
    expect(usccProblem('91341524MA2N0QK85G')).toBeNull();
  });

  it('accepts an embedded organisation code whose check character is X or 0', () => {
    expect(orgCodeCheckChar('MA2N0QKB')).toBe('X');
    expect(usccProblem('91341524MA2N0QKBXX')).toBeNull();
    expect(orgCodeCheckChar('MA2N0QKG')).toBe('0');
    expect(usccProblem('91341524MA2N0QKG09')).toBeNull();
  });

  it('rejects a code whose final check character is wrong', () => {
    expect(usccProblem('91350100M000100Y44')).toBe('check digit mismatch');
    expect(usccCheckChar('91110000100000000')).toBe('R');
    expect(isValidUscc('91110000100000000X')).toBe(false);
  });

  it('rejects a code whose embedded organisation code check digit is wrong', () => {
    // Final check character is correct for these 17 characters; only the org code is wrong.
    expect(usccProblem('91350100M000100Y56')).toBe('organisation code check digit mismatch');
  });

  it('rejects characters outside the 31-character set', () => {
    expect(usccProblem('91350100M000100I43')).toBe('invalid character "I"');
    expect(usccProblem('91350100M000100O43')).toBe('invalid character "O"');
    expect(usccProblem('91350100M000100S43')).toBe('invalid character "S"');
  });

  it('rejects a region code that is not 6 digits', () => {
    expect(usccProblem('91AB0100M000100Y4T')).toBe('region code must be 6 digits');
  });

  it('rejects the wrong length', () => {
    expect(usccProblem('91350100M000100Y4')).toBe('must be 18 characters');
    expect(usccProblem('')).toBe('must be 18 characters');
  });

  it('accepts lowercase or padded input only after normalising', () => {
    expect(isValidUscc(' 91350100m000100y43')).toBe(false);
    expect(normaliseUscc(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(isValidUscc(normaliseUscc(' 91350100m000100y43 '))).toBe(true);
  });

  it('throws when asked for a check character of invalid input', () => {
    expect(() => usccCheckChar('91350100M000100I4')).toThrow(RangeError);
    expect(() => usccCheckChar('9135')).toThrow(RangeError);
    expect(() => orgCodeCheckChar('m000100y')).toThrow(RangeError);
  });
});
