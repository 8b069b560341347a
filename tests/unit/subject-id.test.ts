import { subjectIdProblem, subjectKindOf } from '../../src/ids/subject-id';

describe('subject id', () => {
  it('classifies a valid resident ID as a person', () => {
    expect(subjectKindOf('11010519491231002X')).toBe('PERSON');
    expect(subjectIdProblem('11010519491231002X')).toBeNull();
  });

  it('classifies a valid unified social credit code as an enterprise', () => {
    expect(subjectKindOf('91350100M000100Y43')).toBe('ENTERPRISE');
    expect(subjectIdProblem('91350100M000100Y43')).toBeNull();
  });

  it('returns null for anything else', () => {
    expect(subjectKindOf('110105194912310021')).toBeNull();
    expect(subjectKindOf('91350100M000100Y44')).toBeNull();
    expect(subjectKindOf('')).toBeNull();
    expect(subjectKindOf('hello')).toBeNull();
  });

  it('explains why an invalid id is rejected', () => {
    expect(subjectIdProblem('123')).toBe('must be 18 characters');
    expect(subjectIdProblem('110105194912310021')).toBe('invalid resident ID: check digit mismatch');
    expect(subjectIdProblem('91350100M000100Y44')).toBe('invalid unified social credit code: check digit mismatch');
  });
});
