// A "subject" (被执行人 / 债务人) is identified either by a resident ID (a person)
// or by a unified social credit code (an enterprise); both are 18 characters.

import { isValidResidentId, residentIdProblem } from './resident-id';
import { isValidUscc, usccProblem } from './unified-social-credit-code';

export type SubjectKind = 'PERSON' | 'ENTERPRISE';

/**
 * Kind of subject the (already normalised) id number identifies, or null if it is
 * neither a valid resident ID nor a valid USCC. A string valid as both is
 * astronomically rare; the resident ID reading wins.
 */
export function subjectKindOf(idNumber: string): SubjectKind | null {
  if (isValidResidentId(idNumber)) return 'PERSON';
  if (isValidUscc(idNumber)) return 'ENTERPRISE';
  return null;
}

/** Short English reason why `s` is not a usable subject id, or null if it is. */
export function subjectIdProblem(s: string): string | null {
  if (subjectKindOf(s) !== null) return null;
  if (typeof s !== 'string' || s.length !== 18) return 'must be 18 characters';
  // Only a USCC has letters before the last position; otherwise report it as a resident ID.
  return /^\d{17}/.test(s) ? `invalid resident ID: ${residentIdProblem(s)}` : `invalid unified social credit code: ${usccProblem(s)}`;
}
