import { allow, everyone, mask, rules, type FieldRule, type RuleRow } from '../auth/policy-rules';

/** Supervision: auditors (court supervision office, procuratorate; seed 004 items 9 and 15) see measures that break the rules. */
const auditorOnly = allow('AUDITOR');
/** Counts for the joint meetings: auditors and the operator (seed 000 item 8, 001 三(五)); numbers, never identities. */
const counters = allow('AUDITOR', 'ADMIN');
/** The same rule for several fields. */
const same = (fields: string[], row: RuleRow) => Object.fromEntries(fields.map((f) => [f, row])) as Record<string, RuleRow>;
const ITEM = 'Supervision: a measure or request that breaks a rule, by case, court, asset class, amounts and dates (seed 004 item 9)';
const COUNT = 'Counts for the joint meetings: numbers only (seed 000 item 8)';

export const SUPERVISION_POLICY: Record<string, FieldRule> = {
  ...rules('Query', false, {
    supervision: [
      auditorOnly,
      'Supervision of execution: measures beyond their period or amount, answers overdue (seed 004 items 9, 15)',
      { audited: true },
    ],
    statistics: [counters, COUNT, { audited: true }],
  }),
  ...rules('SupervisionItemConnection', false, {
    edges: [everyone, 'Pagination structure'],
    pageInfo: [everyone, 'Pagination structure'],
    totalCount: [everyone, 'Pagination structure'],
    unavailableSources: [auditorOnly, 'Which registers could not be read for this answer'],
  }),
  ...rules('SupervisionItemEdge', false, { cursor: [everyone, 'Pagination structure'], node: [everyone, 'Pagination structure'] }),
  ...rules('SupervisionItem', false, {
    ...same(
      [
        'id',
        'kind',
        'caseNo',
        'courtCode',
        'courtName',
        'source',
        'assetClass',
        'orderId',
        'orderKind',
        'orderState',
        'registrationNo',
        'subjectKind',
        'amount',
        'claim',
        'covered',
        'startedOn',
        'endsOn',
        'legalMaxDays',
        'since',
        'daysOverdue',
        'auditCaseNo',
        'auditSeqs',
      ],
      [auditorOnly, ITEM],
    ),
    subjectIdNumber: [mask('AUDITOR'), 'Supervision sees the measure, not the person: the ID masked as in the audit log', { mask: 'idNumber' }],
    subjectName: [mask('AUDITOR'), 'Supervision sees the measure, not the person: the name cut to its first character', { mask: 'name' }],
  }),
  ...rules('Statistics', false, {
    from: [counters, COUNT],
    to: [counters, COUNT],
    groupBy: [counters, COUNT],
    answerDeadlineDays: [counters, COUNT],
    rows: [counters, COUNT],
    csv: [counters, `${COUNT}; the same rows for download`],
  }),
  ...rules(
    'StatisticsRow',
    false,
    same(
      [
        'key',
        'label',
        'inquiries',
        'subjectsRead',
        'orders',
        'ordersByKindAndOutcome',
        'sent',
        'receipts',
        'receiptsWithinDeadline',
        'releases',
        'releasesOnTime',
        'listChecks',
        'listHits',
        'listInterceptions',
      ],
      [counters, COUNT],
    ),
  ),
  ...rules('OrderCount', false, { kind: [counters, COUNT], outcome: [counters, COUNT], count: [counters, COUNT] }),
};
