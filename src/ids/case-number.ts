// Chinese court case numbers (案号), e.g. (2024)皖1524执123号:
// (year) + court code (province abbreviation + 2 or 4 digits) + case type + sequence + 号.

export interface ParsedCaseNo {
  year: number;
  /** e.g. 皖1524 (basic court) or 皖15 (intermediate court) */
  courtCode: string;
  /** e.g. 执, 执恢, 破, 破申 */
  type: string;
  seq: number;
}

export type CaseCategory = 'EXECUTION' | 'BANKRUPTCY';

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

const TYPES: Record<CaseCategory, readonly string[]> = {
  EXECUTION: ['执', '执恢', '执保'],
  BANKRUPTCY: ['破', '破申'],
};

const MAX_LENGTH = 40;
const MIN_YEAR = 1990;
const MAX_SEQ = 999999;

// Loose shape; the individual parts are checked separately to give precise reasons.
const SHAPE = /^\((\d{4})\)(\p{Script=Han})(\d+)(\p{Script=Han}{1,4}?)(\d+)号$/u;

/** Width variants folded (NFKC), whitespace dropped, ASCII parentheses and digits. */
export function normaliseCaseNo(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u200B-\u200D\u2060]+/g, '')
    .replace(/[（〔]/g, '(')
    .replace(/[）〕]/g, ')')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
}

type Analysis = { parsed: ParsedCaseNo; problem?: undefined } | { parsed?: undefined; problem: string };

// Syntax checks shared by parseCaseNo and caseNoProblem.
function analyse(s: string): Analysis {
  if (typeof s !== 'string') return { problem: 'must be a string' };
  // Checked before any regex work so oversized input is cheap to reject.
  if (s.length > MAX_LENGTH) return { problem: `must be at most ${MAX_LENGTH} characters` };
  const m = SHAPE.exec(normaliseCaseNo(s));
  if (!m) return { problem: 'malformed case number, expected e.g. (2024)皖1524执123号' };
  const [, year, province, courtDigits, type, seq] = m;
  if (!PROVINCES.includes(province)) return { problem: `unknown province abbreviation ${province}` };
  if (courtDigits.length !== 2 && courtDigits.length !== 4) {
    return { problem: 'court code must be a province abbreviation followed by 2 or 4 digits' };
  }
  if (seq.startsWith('0') || seq.length > String(MAX_SEQ).length) {
    return { problem: `sequence number must be between 1 and ${MAX_SEQ}` };
  }
  return {
    parsed: { year: Number(year), courtCode: province + courtDigits, type, seq: Number(seq) },
  };
}

/** Structural parse of any case type; does not check the year range. Null if malformed. */
export function parseCaseNo(s: string): ParsedCaseNo | null {
  return analyse(s).parsed ?? null;
}

/** Short English reason why `s` is not a valid case number of the expected category, or null. */
export function caseNoProblem(s: string, expected: CaseCategory, now: Date = new Date()): string | null {
  const a = analyse(s);
  if (a.problem !== undefined) return a.problem;
  const { year, type } = a.parsed;
  const maxYear = now.getFullYear() + 1;
  if (year < MIN_YEAR || year > maxYear) return `year must be between ${MIN_YEAR} and ${maxYear}`;
  if (!TYPES[expected].includes(type)) {
    return `case type ${type} is not ${expected === 'EXECUTION' ? 'an execution' : 'a bankruptcy'} type (${TYPES[expected].join(', ')})`;
  }
  return null;
}
