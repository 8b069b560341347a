// Unified social credit code (GB 32100-2015), 18 characters:
//   1     registration authority (9 = market regulator, 5 = civil affairs, ...)
//   2     entity type under that authority ("91" = enterprise)
//   3-8   administrative region code
//   9-17  organisation code (GB 11714: 8 characters + its own check character)
//   18    check character over positions 1-17

/** The 31 characters allowed in a USCC (no I, O, Z, S, V, to avoid misreading). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// w_i = 3^(i-1) mod 31
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

const ORG_CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Check character for the first 17 characters. Throws on characters outside the charset. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('usccCheckChar expects exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i]);
    if (v < 0) throw new RangeError(`invalid USCC character ${JSON.stringify(first17[i])}`);
    sum += v * USCC_WEIGHTS[i];
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** GB 11714 organisation code check character for the first 8 characters. */
export function orgCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) {
    throw new RangeError('orgCodeCheckChar expects 8 digits or uppercase letters');
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ORG_CHARSET.indexOf(first8[i]) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function normaliseUscc(s: string): string {
  return s.trim().toUpperCase();
}

/**
 * Short English reason why `s` is not a valid USCC, or null if it is valid.
 * Strict (no trimming, uppercase only); run normaliseUscc first for user input.
 */
export function usccProblem(s: string): string | null {
  if (typeof s !== 'string' || s.length !== 18) return 'must be 18 characters';
  for (const ch of s) {
    if (!USCC_CHARSET.includes(ch)) return `invalid character ${JSON.stringify(ch)}`;
  }
  if (!/^\d{6}$/.test(s.slice(2, 8))) return 'region code must be 6 digits';
  if (orgCodeCheckChar(s.slice(8, 16)) !== s[16]) return 'organisation code check digit mismatch';
  if (usccCheckChar(s.slice(0, 17)) !== s[17]) return 'check digit mismatch';
  return null;
}

export function isValidUscc(s: string): boolean {
  return usccProblem(s) === null;
}
