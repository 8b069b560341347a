// PRC resident identity number (GB 11643-1999), 18 characters:
// 6-digit region code, 8-digit birth date (YYYYMMDD), 3-digit sequence
// (odd = male, even = female) and an ISO 7064 MOD 11-2 check character.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

// Province-level prefixes of the region code; 81/82/83 are used on residence
// permits for Hong Kong, Macao and Taiwan residents.
const PROVINCE_PREFIXES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

const MIN_BIRTH_YEAR = 1900;

/** Check character for the first 17 digits. Throws if the input is not 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) {
    throw new RangeError('residentIdCheckChar expects exactly 17 digits');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Trim and upper-case (a trailing lowercase x is common in user input). */
export function normaliseResidentId(s: string): string {
  return s.trim().toUpperCase();
}

/**
 * Short English reason why `s` is not a valid resident ID, or null if it is valid.
 * Strict: no trimming and only an uppercase X; run normaliseResidentId first for user input.
 */
export function residentIdProblem(s: string, now: Date = new Date()): string | null {
  if (typeof s !== 'string' || s.length !== 18) return 'must be 18 characters';
  if (!/^\d{17}$/.test(s.slice(0, 17))) return 'first 17 characters must be digits';
  if (!/^[\dX]$/.test(s[17])) return 'check character must be a digit or uppercase X';
  if (!PROVINCE_PREFIXES.has(s.slice(0, 2))) return 'invalid region code';

  const year = Number(s.slice(6, 10));
  const month = Number(s.slice(10, 12));
  const day = Number(s.slice(12, 14));
  const today = chinaToday(now);
  if (year < MIN_BIRTH_YEAR || year > today.year) {
    return `birth year must be between ${MIN_BIRTH_YEAR} and ${today.year}`;
  }
  if (!isCalendarDate(year, month, day)) return 'invalid birth date';
  if (year * 10000 + month * 100 + day > today.year * 10000 + today.month * 100 + today.day) {
    return 'birth date is in the future';
  }

  if (residentIdCheckChar(s.slice(0, 17)) !== s[17]) return 'check digit mismatch';
  return null;
}

export function isValidResidentId(s: string): boolean {
  return residentIdProblem(s) === null;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this month.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// Birth dates are Chinese calendar days, so "today" is taken in UTC+8.
function chinaToday(now: Date): { year: number; month: number; day: number } {
  const d = new Date(now.getTime() + 8 * 3600 * 1000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
