import { normaliseResidentId } from '../ids/resident-id';
import { subjectIdProblem, subjectKindOf, type SubjectKind } from '../ids/subject-id';
import { badUserInput } from '../schema/error-codes';

/** A resident ID or unified social credit code with its check digit verified; `expected` narrows the kind. */
export function subjectIdArgument(argument: string, raw: string, expected?: SubjectKind): { idNumber: string; kind: SubjectKind } {
  if (raw.length > 40) throw badUserInput(argument, 'must be 18 characters');
  const idNumber = normaliseResidentId(raw); // trim + upper case: also right for credit codes
  const kind = subjectKindOf(idNumber);
  if (!kind) throw badUserInput(argument, subjectIdProblem(idNumber) ?? 'not a valid ID number');
  if (expected && kind !== expected) {
    throw badUserInput(
      argument,
      expected === 'ENTERPRISE' ? 'must be a unified social credit code (an enterprise)' : 'must be a resident ID (a person)',
    );
  }
  return { idNumber, kind };
}
