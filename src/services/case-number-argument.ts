import { caseNoProblem, normaliseCaseNo } from '../ids/case-number';
import { badUserInput } from '../schema/error-codes';

/** Validates and normalises a case-number argument, naming the argument when it is malformed. */
export function caseNoArgument(argument: string, raw: string, expected: 'EXECUTION' | 'BANKRUPTCY'): string {
  const caseNo = normaliseCaseNo(raw);
  const problem = caseNoProblem(caseNo, expected);
  if (problem) throw badUserInput(argument, problem);
  return caseNo;
}
