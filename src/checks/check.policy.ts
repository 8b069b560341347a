import { allow, everyone, rules, type FieldRule } from '../auth/policy-rules';

/** Agencies that grant things check their counterparties (seed 003 item 25, 001 三(四), 004 item 17). */
const checkers = allow('AGENCY');
/** The purposes and restrictions are data with reasons: published to those who check and those who oversee. */
const published = allow('AGENCY', 'AUDITOR', 'ADMIN');
const CHECK =
  'A list check for a declared purpose: hit or no hit, and on a hit the entry and the restrictions for that purpose; never assets or other records';

const each = (fields: string[], access: typeof checkers, reason: string) =>
  Object.fromEntries(fields.map((f) => [f, [access, reason] as [typeof checkers, string]]));

/** The access rules of the list checks (merged into auth/policy.ts). */
export const CHECK_POLICY: Record<string, FieldRule> = {
  ...rules('Mutation', false, {
    checkDishonest: [checkers, 'Agencies check counterparties against the dishonest-debtor list for a declared purpose (seed 003 item 25)'],
    reportCheckOutcome: [checkers, 'The agency reports what it did about each subject of its own check'],
    declareCheckPurposes: [allow('ADMIN'), 'Hub operation: the purposes an agency may check the list for'],
  }),
  ...rules('Query', false, {
    dishonestCheckBatch: [checkers, 'The uploading agency follows its own batch check'],
    checkPurposes: [published, 'The purposes × restrictions table of the joint punishment memorandum, published with its basis'],
  }),
  ...rules('DishonestCheck', false, each(['checkId', 'purpose', 'applicationNo', 'checkedAt', 'results'], checkers, CHECK)),
  ...rules('DishonestCheckResult', false, each(['idNumber', 'kind', 'hit', 'entries', 'restrictions'], checkers, CHECK)),
  ...rules(
    'DishonestListEntry',
    false,
    each(['court', 'caseNo', 'listedOn'], checkers, `${CHECK}: the listing court, case and date (public list data)`),
  ),
  ...rules(
    'CheckRestriction',
    false,
    each(['code', 'measure', 'basis', 'reason'], published, 'The memorandum’s measures, with their basis and reason'),
  ),
  ...rules('CheckPurposeDefinition', false, {
    ...each(['purpose', 'label', 'restrictions'], published, 'The purposes × restrictions table, published'),
    declared: [everyone, "Whether the viewer's own organisation declared the purpose"],
  }),
  ...rules('DishonestCheckOutcome', false, {
    ...each(['checkId', 'outcome', 'reason', 'reportedAt'], checkers, 'The agency’s own report'),
    subjectId: [checkers, 'The agency’s own report: the subject it checked, as it sent it (auditors see it masked in the audit log)'],
  }),
  ...rules(
    'DishonestCheckBatch',
    false,
    each(
      ['id', 'state', 'purpose', 'applicationNo', 'total', 'done', 'hits', 'errors', 'createdAt', 'resultUrl'],
      checkers,
      'The uploading agency’s own batch: progress and counts',
    ),
  ),
  ...rules('OrganisationPurposes', false, each(['code', 'name', 'purposes'], allow('ADMIN'), 'Hub operation: an agency’s declared purposes')),
};
