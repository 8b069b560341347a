import { caseNoProblem, normaliseCaseNo, parseCaseNo } from '../../src/ids/case-number';

describe('court case numbers', () => {
  const now = new Date('2026-06-01T00:00:00Z');

  it('parses execution and bankruptcy case numbers', () => {
    expect(parseCaseNo('(2024)皖1524执123号')).toEqual({ year: 2024, courtCode: '皖1524', type: '执', seq: 123 });
    expect(parseCaseNo('(2023)皖1524执恢45号')).toEqual({ year: 2023, courtCode: '皖1524', type: '执恢', seq: 45 });
    expect(parseCaseNo('(2024)皖15破1号')).toEqual({ year: 2024, courtCode: '皖15', type: '破', seq: 1 });
    expect(parseCaseNo('(2024)皖1524破申2号')).toEqual({ year: 2024, courtCode: '皖1524', type: '破申', seq: 2 });
  });

  it('accepts full-width parentheses and normalises them to ASCII', () => {
    expect(normaliseCaseNo(' （2024）皖1524执123号 ')).toBe('(2024)皖1524执123号');
    expect(parseCaseNo('（2024）皖1524执123号')).toEqual(parseCaseNo('(2024)皖1524执123号'));
    expect(caseNoProblem('（2024）皖1524执123号', 'EXECUTION', now)).toBeNull();
  });

  it('accepts valid execution case numbers', () => {
    for (const s of ['(2024)皖1524执123号', '(2023)皖1524执恢45号', '(2025)京0105执保7号', '(1990)粤03执999999号']) {
      expect(caseNoProblem(s, 'EXECUTION', now)).toBeNull();
    }
  });

  it('accepts valid bankruptcy case numbers', () => {
    for (const s of ['(2024)皖15破1号', '(2024)皖1524破3号', '(2024)皖1524破申2号', '(2027)沪03破10号']) {
      expect(caseNoProblem(s, 'BANKRUPTCY', now)).toBeNull();
    }
  });

  it('rejects a case type from the other category', () => {
    expect(caseNoProblem('(2024)皖1524破3号', 'EXECUTION', now)).toMatch(/not an execution type/);
    expect(caseNoProblem('(2024)皖1524执123号', 'BANKRUPTCY', now)).toMatch(/not a bankruptcy type/);
    expect(caseNoProblem('(2024)皖1524民初5号', 'EXECUTION', now)).toMatch(/case type 民初/);
  });

  it('rejects years outside 1990..next year', () => {
    expect(caseNoProblem('(1989)皖1524执1号', 'EXECUTION', now)).toBe('year must be between 1990 and 2027');
    expect(caseNoProblem('(2028)皖1524执1号', 'EXECUTION', now)).toBe('year must be between 1990 and 2027');
    expect(caseNoProblem('(2027)皖1524执1号', 'EXECUTION', now)).toBeNull();
  });

  it('rejects an unknown province or a court code of the wrong width', () => {
    expect(caseNoProblem('(2024)中1524执1号', 'EXECUTION', now)).toMatch(/unknown province/);
    expect(caseNoProblem('(2024)皖152执1号', 'EXECUTION', now)).toMatch(/2 or 4 digits/);
    expect(caseNoProblem('(2024)皖152401执1号', 'EXECUTION', now)).toMatch(/2 or 4 digits/);
    expect(parseCaseNo('(2024)中1524执1号')).toBeNull();
  });

  it('rejects sequence numbers outside 1..999999', () => {
    expect(caseNoProblem('(2024)皖1524执0号', 'EXECUTION', now)).toMatch(/sequence number/);
    expect(caseNoProblem('(2024)皖1524执0012号', 'EXECUTION', now)).toMatch(/sequence number/);
    expect(caseNoProblem('(2024)皖1524执1000000号', 'EXECUTION', now)).toMatch(/sequence number/);
    expect(parseCaseNo('(2024)皖1524执0号')).toBeNull();
  });

  it('rejects malformed and overlong input', () => {
    for (const s of ['', '2024皖1524执123号', '(2024)皖1524执123', '(24)皖1524执123号', '(2024)皖1524123号', '(2024)皖1524执123号之一']) {
      expect(caseNoProblem(s, 'EXECUTION', now)).toMatch(/malformed/);
      expect(parseCaseNo(s)).toBeNull();
    }
    expect(caseNoProblem('(2024)皖1524执123号' + ' '.repeat(30), 'EXECUTION', now)).toBe('must be at most 40 characters');
  });
});
