import type { Role } from '../entities/hub/user.entity';
import { CHECK_POLICY } from '../checks/check.policy';
import { SOURCES } from '../sources/registry';
import { SUPERVISION_POLICY } from '../supervision/supervision.policy';
import { allow, ASSET, caseReaders, EXEC, everyone, mask, rules, type Access, type FieldRule, type Outcome } from './policy-rules';

export type { FieldRule, MaskKind, Outcome } from './policy-rules';

/**
 * The access policy: role × `Type.field` → outcome, each rule with its reason (purpose or legal basis).
 * This table is the only place field access is decided; auth/shield.ts enforces it, services ask it through
 * `may`, and `accessPolicy` publishes it. Rules name the roles they let see a field (`allow`, `mask`); every other
 * role, and any field without a rule, is denied. A change here changes who sees what: review it as such
 * (tests/unit/__snapshots__/policy.test.ts.snap shows it as a diff, and the HTTP matrix test follows the table).
 */

const both = caseReaders;
const administratorOnly = allow('ADMINISTRATOR');
const clerkOnly = allow('CLERK');
/** The audit log: read by auditors only; they see who read what, never the records read (seed 004 item 15). */
const auditorOnly = allow('AUDITOR');
/** Checkpoints: auditors verify them, the operator may sign one on demand and keep copies. */
const overseersOfLog = allow('AUDITOR', 'ADMIN');
/** The operator's own records (separation of duties: they manage, they never read subject data). */
const adminOnly = allow('ADMIN');
/** Control orders: the execution-bureau head approves, never drafts; the clerk drafts, never approves. */
const approverOnly = allow('APPROVER');
/** The clerks of a case and the approvers of its court. */
const courtStaff = allow('CLERK', 'APPROVER');
/** Agency staff: the requests addressed to their own agency. */
const agencyOnly = allow('AGENCY');
/** The policy itself is transparent to those who oversee the hub. */
const overseers = allow('AUDITOR', 'ADMIN');
/** The bankruptcy tribunal (破产审判庭): decides on transfers from execution (执转破). */
const judgeOnly = allow('JUDGE');
/** The end of a bankruptcy case: recorded by the operator or by the bankruptcy tribunal of the case's court. */
const closers = allow('ADMIN', 'JUDGE');
/** The working calendar: kept by the operator, read by those whose release-task deadlines it sets. */
const calendarReaders = allow('ADMIN', 'CLERK', 'JUDGE', 'ADMINISTRATOR');

export const POLICY: Record<string, FieldRule> = {
  ...rules('Query', false, {
    me: [everyone, 'Every user may see who they are signed in as'],
    myExecutionCases: [clerkOnly, 'Clerks list the execution cases assigned to them'],
    executionCase: [clerkOnly, 'Clerks read execution cases assigned to them while active'],
    myBankruptcyCases: [administratorOnly, 'Administrators list the bankruptcy cases their firm is validly appointed to'],
    bankruptcyCase: [
      administratorOnly,
      'Administrators read a bankruptcy case under a valid appointment with both documents on record (seed 000 item 18)',
    ],
    accessPolicy: [overseers, 'Auditors and the operator see what the hub enforces (seed 004 item 15: supervision)'],
  }),
  ...rules('AccessRule', false, {
    role: [overseers, 'The published access policy'],
    field: [overseers, 'The published access policy'],
    outcome: [overseers, 'The published access policy'],
    reason: [overseers, 'The published access policy'],
    mask: [overseers, 'The published access policy'],
    subjectData: [overseers, 'The published access policy'],
  }),
  ...rules('Mutation', false, {
    createOrganisation: [adminOnly, 'Hub operation: register courts, firms and oversight bodies'],
    disableOrganisation: [adminOnly, 'Hub operation: withdraw an organisation'],
    createUser: [adminOnly, 'Hub operation: accounts'],
    disableUser: [adminOnly, 'Hub operation: accounts'],
    createExecutionCase: [adminOnly, 'Hub operation: record a filed execution case, the legal basis of clerks’ reads'],
    assignClerk: [adminOnly, 'Hub operation: bind a clerk to a case'],
    unassignClerk: [adminOnly, 'Hub operation: unbind a clerk from a case'],
    closeExecutionCase: [adminOnly, 'Hub operation: end the legal basis of a case'],
    createBankruptcyCase: [adminOnly, 'Hub operation: record an accepted bankruptcy case with its acceptance ruling (seed 000 item 18)'],
    appointAdministrator: [adminOnly, 'Hub operation: record an appointment decision (seed 000 item 18)'],
    endAppointment: [adminOnly, 'Hub operation: end an administrator’s legal basis'],
    closeBankruptcyCase: [
      closers,
      'A bankruptcy case ends by its ruling (驳回, 撤回, 终结): the operator records it, or the bankruptcy tribunal of its court (JUDGE); the suspended executions resume or terminate',
    ],
  }),
  // The operator's lists: recorded like their operations (who browsed which accounts and cases, with the filters).
  ...rules('Query', false, {
    managedOrganisations: [adminOnly, 'Hub operation: the organisations the operator manages', { audited: 'ADMIN' }],
    managedUsers: [adminOnly, 'Hub operation: the accounts the operator manages', { audited: 'ADMIN' }],
    managedExecutionCases: [
      adminOnly,
      'Hub operation: execution cases with parties as filed and their clerks; no ID numbers, no records',
      { audited: 'ADMIN' },
    ],
    managedBankruptcyCases: [
      adminOnly,
      'Hub operation: bankruptcy cases with the debtor as filed and appointments; no ID numbers, no records',
      { audited: 'ADMIN' },
    ],
  }),
  ...rules('ManagedOrganisationConnection', false, {
    edges: [adminOnly, 'Operator list'],
    pageInfo: [adminOnly, 'Operator list'],
    totalCount: [adminOnly, 'Operator list'],
  }),
  ...rules('ManagedOrganisationEdge', false, { cursor: [adminOnly, 'Operator list'], node: [adminOnly, 'Operator list'] }),
  ...rules('ManagedUserConnection', false, {
    edges: [adminOnly, 'Operator list'],
    pageInfo: [adminOnly, 'Operator list'],
    totalCount: [adminOnly, 'Operator list'],
  }),
  ...rules('ManagedUserEdge', false, { cursor: [adminOnly, 'Operator list'], node: [adminOnly, 'Operator list'] }),
  ...rules('ManagedExecutionCaseConnection', false, {
    edges: [adminOnly, 'Operator list'],
    pageInfo: [adminOnly, 'Operator list'],
    totalCount: [adminOnly, 'Operator list'],
  }),
  ...rules('ManagedExecutionCaseEdge', false, { cursor: [adminOnly, 'Operator list'], node: [adminOnly, 'Operator list'] }),
  ...rules('ManagedBankruptcyCaseConnection', false, {
    edges: [adminOnly, 'Operator list'],
    pageInfo: [adminOnly, 'Operator list'],
    totalCount: [adminOnly, 'Operator list'],
  }),
  ...rules('ManagedBankruptcyCaseEdge', false, { cursor: [adminOnly, 'Operator list'], node: [adminOnly, 'Operator list'] }),
  ...rules('ManagedOrganisation', false, {
    code: [adminOnly, 'Operator record'],
    name: [adminOnly, 'Operator record'],
    kind: [adminOnly, 'Operator record'],
    disabled: [adminOnly, 'Operator record'],
    source: [adminOnly, 'Operator record: the source an agency answers for, which decides the requests that reach its inboxes'],
    declaredPurposes: [adminOnly, 'Operator record: the purposes an agency may check the dishonest-debtor list for (declareCheckPurposes)'],
  }),
  ...rules('ManagedUser', false, {
    username: [adminOnly, 'Operator record'],
    displayName: [adminOnly, 'Operator record'],
    role: [adminOnly, 'Operator record'],
    organisation: [adminOnly, 'Operator record'],
    disabled: [adminOnly, 'Operator record'],
  }),
  ...rules('ManagedExecutionCase', false, {
    caseNo: [adminOnly, 'Operator record: case metadata'],
    court: [adminOnly, 'Operator record: case metadata'],
    status: [adminOnly, 'Operator record: case metadata'],
    filedOn: [adminOnly, 'Operator record: case metadata'],
    amountDue: [adminOnly, 'Operator record: case metadata'],
    respondents: [adminOnly, 'Operator record: the parties as the operator filed them'],
    clerks: [adminOnly, 'Operator record: who is bound to the case'],
  }),
  ...rules('ManagedBankruptcyCase', false, {
    caseNo: [closers, 'Operator record: case metadata; the judge who closes the case sees what the closing changed'],
    court: [closers, 'Operator record: case metadata; the judge who closes the case sees what the closing changed'],
    status: [closers, 'Operator record: case metadata; the judge who closes the case sees what the closing changed'],
    acceptedOn: [closers, 'Operator record: case metadata; the judge who closes the case sees what the closing changed'],
    acceptanceRulingNo: [closers, 'Operator record: the legal basis (seed 000 item 18)'],
    debtor: [closers, 'Operator record: the party as the operator filed it; the judge knows the debtor named in the rulings'],
    appointments: [closers, 'Operator record: who is bound to the case; the judge knows the administrator the tribunal appointed'],
    closing: [closers, 'How the case ended: the ruling its suspended executions resume or terminate by'],
  }),
  ...rules('BankruptcyCaseClosing', false, {
    outcome: [closers, 'How the case ended: the ruling its suspended executions resume or terminate by'],
    rulingNo: [closers, 'How the case ended: the ruling its suspended executions resume or terminate by'],
    date: [closers, 'How the case ended: the ruling its suspended executions resume or terminate by'],
  }),
  // The judge who closes a bankruptcy case gets the case record back as the operator sees it (ManagedBankruptcyCase).
  ...rules('ManagedAppointment', false, {
    firm: [closers, 'Operator record'],
    decisionNo: [closers, 'Operator record: the legal basis (seed 000 item 18)'],
    validFrom: [closers, 'Operator record'],
    validTo: [closers, 'Operator record'],
    ended: [closers, 'Operator record'],
  }),
  ...rules('CaseParty', false, {
    kind: [closers, 'Operator record: the party’s kind and name as filed; never an ID number or agency record'],
    name: [closers, 'Operator record: the party’s kind and name as filed; never an ID number or agency record'],
  }),
  ...rules('Viewer', false, {
    username: [everyone, 'Own account'],
    displayName: [everyone, 'Own account'],
    role: [everyone, 'Own account'],
    organisation: [everyone, 'Own account'],
    source: [everyone, 'Own account: the source an agency user answers for (which inboxes the console shows)'],
  }),
  ...rules('Organisation', false, {
    code: [everyone, 'Organisations are public bodies and registered firms'],
    name: [everyone, 'Organisations are public bodies and registered firms'],
    kind: [everyone, 'Organisations are public bodies and registered firms'],
  }),
  ...rules('PageInfo', false, {
    hasNextPage: [everyone, 'Pagination structure'],
    endCursor: [everyone, 'Pagination structure'],
  }),
  ...rules('ExecutionCaseConnection', false, {
    edges: [everyone, 'Pagination structure'],
    pageInfo: [everyone, 'Pagination structure'],
    totalCount: [everyone, 'Pagination structure'],
  }),
  ...rules('ExecutionCaseEdge', false, { cursor: [everyone, 'Pagination structure'], node: [everyone, 'Pagination structure'] }),
  ...rules('BankruptcyCaseConnection', false, {
    edges: [everyone, 'Pagination structure'],
    pageInfo: [everyone, 'Pagination structure'],
    totalCount: [everyone, 'Pagination structure'],
  }),
  ...rules('BankruptcyCaseEdge', false, { cursor: [everyone, 'Pagination structure'], node: [everyone, 'Pagination structure'] }),
  ...rules('ExecutionCase', false, {
    caseNo: [everyone, 'Case metadata is not subject data; only entitled viewers reach a case'],
    court: [everyone, 'Case metadata'],
    status: [everyone, 'Case metadata'],
    filedOn: [everyone, 'Case metadata'],
    amountDue: [everyone, 'Case metadata: the amount to enforce'],
    respondents: [clerkOnly, 'The respondents are the legal object of the execution case'],
  }),
  ...rules('BankruptcyCase', false, {
    caseNo: [everyone, 'Case metadata is not subject data; only entitled viewers reach a case'],
    court: [everyone, 'Case metadata'],
    status: [everyone, 'Case metadata'],
    acceptedOn: [everyone, 'Case metadata'],
    acceptanceRulingNo: [everyone, 'The legal basis of the administrator’s inquiry (seed 000 item 18)'],
    appointment: [everyone, 'The legal basis of the administrator’s inquiry (seed 000 item 18)'],
    debtor: [administratorOnly, 'The debtor enterprise is the object of the bankruptcy case'],
  }),
  ...rules('AdministratorAppointment', false, {
    firm: [everyone, 'Appointment record'],
    decisionNo: [everyone, 'Appointment record'],
    validFrom: [everyone, 'Appointment record'],
    validTo: [everyone, 'Appointment record'],
  }),

  // ---- Audit log ---------------------------------------------------------------------------------------------
  ...rules('Query', false, {
    auditEntries: [auditorOnly, 'Supervision of data use: who read what, under which case (seed 000 item 26, 004 item 15)', { audited: true }],
    subjectAccessHistory: [
      auditorOnly,
      'Supervision: every read of one person or enterprise (answering a data subject’s complaint)',
      { audited: true },
    ],
    auditAlerts: [
      auditorOnly,
      'Supervision: patterns worth a look (bulk reads, off-hours reads, refusals, many cases per subject)',
      { audited: true },
    ],
    verifyAuditLog: [auditorOnly, 'Supervision: the log is intact', { audited: true }],
    auditCheckpoints: [overseersOfLog, 'Signed checkpoints: auditors verify them, the operator keeps copies'],
    auditPublicKey: [everyone, 'A public key: anyone may check a checkpoint'],
  }),
  ...rules('Mutation', false, {
    createAuditCheckpoint: [overseersOfLog, 'Signing the head on demand releases nothing and makes later tampering evident'],
  }),
  ...rules('AuditEntryConnection', false, { edges: [everyone, 'Pagination structure'], pageInfo: [everyone, 'Pagination structure'] }),
  ...rules('AuditEntryEdge', false, { cursor: [everyone, 'Pagination structure'], node: [everyone, 'Pagination structure'] }),
  ...rules('AuditEntry', false, {
    seq: [auditorOnly, 'Audit record (who, when, what, under which case)'],
    at: [auditorOnly, 'Audit record (who, when, what, under which case)'],
    requestId: [auditorOnly, 'Audit record: follows a request across systems'],
    kind: [auditorOnly, 'Audit record (who, when, what, under which case)'],
    username: [auditorOnly, 'Audit record: the responsible person (seed 000 item 26)'],
    organisation: [auditorOnly, 'Audit record (who, when, what, under which case)'],
    role: [auditorOnly, 'Audit record (who, when, what, under which case)'],
    caseKind: [auditorOnly, 'Audit record: the legal basis'],
    caseNo: [auditorOnly, 'Audit record: the legal basis'],
    subjectId: [auditorOnly, 'Audit record: an opaque reference that groups the reads of one subject'],
    subjectKind: [auditorOnly, 'Audit record (who, when, what, under which case)'],
    subjectIdNumber: [
      mask('AUDITOR'),
      'Audit record: masked, so the log is no directory of debtors; auditors search by the full ID they were given and group by subjectId',
      { mask: 'idNumber' },
    ],
    fields: [auditorOnly, 'Audit record: which fields were read, never their values'],
    sources: [auditorOnly, 'Audit record: which agencies were consulted'],
    outcome: [auditorOnly, 'Audit record (who, when, what, under which case)'],
    clientAddress: [auditorOnly, 'Audit record (who, when, what, under which case)'],
    correlationId: [auditorOnly, 'Audit record: the client’s own request id, to follow a request into the calling system’s logs'],
    operationName: [auditorOnly, 'Audit record (who, when, what, under which case)'],
    detail: [auditorOnly, 'Audit record: operation arguments with secrets removed, or refusal messages'],
    prevHash: [auditorOnly, 'Integrity: lets the auditor recompute the chain'],
    hash: [auditorOnly, 'Integrity: lets the auditor recompute the chain'],
  }),
  ...rules('AuditFieldRead', false, {
    path: [auditorOnly, 'Audit record (who, when, what, under which case)'],
    outcome: [auditorOnly, 'Audit record (who, when, what, under which case)'],
  }),
  ...rules('AuditSourceState', false, {
    source: [auditorOnly, 'Audit record (who, when, what, under which case)'],
    state: [auditorOnly, 'Audit record (who, when, what, under which case)'],
  }),
  ...rules('AuditVerification', false, {
    ok: [auditorOnly, 'Integrity report'],
    fromSeq: [auditorOnly, 'Integrity report'],
    toSeq: [auditorOnly, 'Integrity report'],
    entriesChecked: [auditorOnly, 'Integrity report'],
    checkpointsChecked: [auditorOnly, 'Integrity report'],
    firstBadSeq: [auditorOnly, 'Integrity report'],
    problem: [auditorOnly, 'Integrity report'],
    message: [auditorOnly, 'Integrity report'],
  }),
  ...rules('AuditCheckpoint', false, {
    seq: [overseersOfLog, 'Signed checkpoint'],
    hash: [overseersOfLog, 'Signed checkpoint'],
    entryAt: [overseersOfLog, 'Signed checkpoint'],
    signedAt: [overseersOfLog, 'Signed checkpoint'],
    keyId: [overseersOfLog, 'Signed checkpoint'],
    signature: [overseersOfLog, 'Signed checkpoint'],
  }),
  ...rules('AuditPublicKey', false, {
    keyId: [everyone, 'Public key'],
    algorithm: [everyone, 'Public key'],
    publicKeyPem: [everyone, 'Public key'],
  }),
  ...rules('AuditAlert', false, {
    rule: [auditorOnly, 'Alert raised by a rule'],
    description: [auditorOnly, 'Alert raised by a rule'],
    username: [auditorOnly, 'Alert: the responsible person'],
    subjectIdNumber: [mask('AUDITOR'), 'Alert: masked like in entries', { mask: 'idNumber' }],
    windowStart: [auditorOnly, 'Alert raised by a rule'],
    windowEnd: [auditorOnly, 'Alert raised by a rule'],
    count: [auditorOnly, 'Alert raised by a rule'],
    threshold: [auditorOnly, 'Alert raised by a rule'],
    caseNos: [auditorOnly, 'Alert: the legal bases involved'],
    firstSeq: [auditorOnly, 'Alert: where to look in the log'],
    lastSeq: [auditorOnly, 'Alert: where to look in the log'],
  }),

  // ---- Asset control (seize, freeze, deduct, renew, release through the agencies) -------------------------------
  ...rules('Mutation', false, {
    draftControlOrder: [
      clerkOnly,
      'Execution: the assigned clerk drafts control orders on the respondents’ assets (seed 000 item 26, 003 items 26-27)',
    ],
    submitControlOrder: [clerkOnly, 'Execution: the drafting clerk submits for approval (separation of duties)'],
    renewControlOrder: [clerkOnly, 'Execution: the clerk asks to renew a measure before it ends (SPC rules on periods)'],
    releaseControlOrder: [clerkOnly, 'Execution: the clerk asks to release a measure no longer needed (seed 002 二(一)2)'],
    approveControlOrder: [approverOnly, 'The execution-bureau head approves their court’s orders; never their own drafts (separation of duties)'],
    rejectControlOrder: [approverOnly, 'The execution-bureau head rejects their court’s orders (separation of duties)'],
    answerAssistanceRequest: [agencyOnly, 'An agency answers the requests addressed to it (协助执行回执, DESIGN.md Principle 5)'],
    markNotificationsRead: [everyone, 'Every user manages their own notifications'],
  }),
  ...rules('Query', false, {
    controlOrder: [courtStaff, 'The clerks of the case and the approvers of its court follow an order'],
    approvalQueue: [approverOnly, 'The execution-bureau head sees what waits for approval'],
    assistanceInbox: [agencyOnly, 'An agency sees only the requests delivered to its own inbox'],
    notifications: [everyone, 'Every user reads their own notifications'],
    overdueControlOrders: [
      courtStaff,
      'The clerks of the cases and the approvers of the court follow requests the agencies leave unanswered (seed 003 items 26-27)',
    ],
  }),
  ...rules('ExecutionCase', false, {
    controlOrders: [clerkOnly, 'Execution: the clerk follows the measures of their case'],
  }),
  ...rules(
    'ControlOrder',
    false,
    Object.fromEntries(
      [
        'id',
        'caseNo',
        'kind',
        'state',
        'source',
        'assetClass',
        'assetKey',
        'subjectName',
        'subjectIdNumber',
        'amount',
        'periodDays',
        'rulingNo',
        'rulingDate',
        'noticeNo',
        'noticeDate',
        'parentId',
        'freezeOrderId',
        'freezeOrder',
        'amountDeducted',
        'rank',
        'registrationNo',
        'registeredFrom',
        'registeredUntil',
        'amountFrozen',
        'rejectionReason',
        'draftedByUsername',
        'sentAt',
        'answerDueAt',
        'answerOverdue',
        'deliveredAt',
        'createdAt',
        'history',
      ].map((f) => [
        f,
        [courtStaff, 'A control order: the legal document, its parameters, receipt and history, for its court (seed 003 items 26-27)'],
      ]),
    ) as Record<string, [typeof courtStaff, string]>,
  ),
  ...rules(
    'ControlOrderEvent',
    false,
    Object.fromEntries(
      ['at', 'actor', 'organisationCode', 'action', 'state', 'note'].map((f) => [f, [courtStaff, 'Who did what when on an order']]),
    ) as Record<string, [typeof courtStaff, string]>,
  ),
  ...rules('ControlOrderConnection', false, {
    edges: [everyone, 'Pagination structure'],
    pageInfo: [everyone, 'Pagination structure'],
    totalCount: [everyone, 'Pagination structure'],
  }),
  ...rules('ControlOrderEdge', false, { cursor: [everyone, 'Pagination structure'], node: [everyone, 'Pagination structure'] }),
  ...rules(
    'AssistanceRequest',
    false,
    Object.fromEntries(
      [
        'id',
        'kind',
        'state',
        'court',
        'caseNo',
        'assetKey',
        'subjectName',
        'subjectIdNumber',
        'amount',
        'periodDays',
        'rulingNo',
        'noticeNo',
        'originalRequestId',
        'receivedAt',
        'receipt',
      ].map((f) => [f, [agencyOnly, 'A request addressed to the agency: the subject only as the object of that request (Principle 1)']]),
    ) as Record<string, [typeof agencyOnly, string]>,
  ),
  ...rules(
    'AssistanceReceipt',
    false,
    Object.fromEntries(
      ['decision', 'registrationNo', 'rank', 'registeredFrom', 'registeredUntil', 'amountFrozen', 'reason', 'answeredBy', 'answeredAt'].map((f) => [
        f,
        [agencyOnly, 'The agency’s own answer'],
      ]),
    ) as Record<string, [typeof agencyOnly, string]>,
  ),
  ...rules('AssistanceRequestConnection', false, {
    edges: [everyone, 'Pagination structure'],
    pageInfo: [everyone, 'Pagination structure'],
    totalCount: [everyone, 'Pagination structure'],
  }),
  ...rules('AssistanceRequestEdge', false, { cursor: [everyone, 'Pagination structure'], node: [everyone, 'Pagination structure'] }),
  ...rules(
    'Notification',
    false,
    Object.fromEntries(
      ['id', 'kind', 'message', 'orderId', 'createdAt', 'read'].map((f) => [
        f,
        [everyone, 'Own notifications (queue promotion, lapse warnings, receipts)'],
      ]),
    ) as Record<string, [typeof everyone, string]>,
  ),
  ...rules('NotificationConnection', false, {
    edges: [everyone, 'Pagination structure'],
    pageInfo: [everyone, 'Pagination structure'],
    totalCount: [everyone, 'Pagination structure'],
  }),
  ...rules('NotificationEdge', false, { cursor: [everyone, 'Pagination structure'], node: [everyone, 'Pagination structure'] }),

  // ---- Bankruptcy coordination (acceptance sweep, release tasks, 执转破) ---------------------------------------
  ...rules('Mutation', false, {
    releaseFromTask: [clerkOnly, 'Bankruptcy: the clerk of the ordering case releases its measure once the debtor is in bankruptcy (破产法 art. 19)'],
    recordOutsideRelease: [clerkOnly, 'Bankruptcy: a court records the release of its own measure made outside the hub (破产法 art. 19)'],
    proposeBankruptcyTransfer: [
      clerkOnly,
      'Execution to bankruptcy (执转破): the assigned clerk proposes, with the written consent (seed 000 item 30)',
    ],
    acceptBankruptcyTransfer: [judgeOnly, 'Execution to bankruptcy: the bankruptcy tribunal of the receiving court decides (seed 004 item 14)'],
    returnBankruptcyTransfer: [judgeOnly, 'Execution to bankruptcy: the bankruptcy tribunal of the receiving court decides (seed 004 item 14)'],
  }),
  ...rules('Query', false, {
    releaseTasks: [clerkOnly, "Bankruptcy: the releases addressed to the clerk's court (seed 000 item 13, section 六)"],
    overdueReleaseTasks: [auditorOnly, 'Supervision: releases past their ten working days (seed 000 section 六, 004 item 15)'],
    bankruptcyTransfers: [judgeOnly, "Execution to bankruptcy: the transfers addressed to the judge's court"],
  }),
  ...rules('BankruptcyCase', false, {
    releaseTasks: [administratorOnly, 'Bankruptcy: the administrator follows the release and hand-over of the debtor’s assets (移交管理人)'],
    suspendedExecutions: [administratorOnly, 'Bankruptcy: the executions against the debtor that the acceptance suspended (破产法 art. 19)'],
  }),
  ...rules('ExecutionCase', false, {
    suspension: [clerkOnly, 'Execution: why the clerk’s case is suspended (中止) and by which bankruptcy case or transfer'],
  }),
  ...rules(
    'ReleaseTask',
    false,
    Object.fromEntries(
      [
        'id',
        'bankruptcyCaseNo',
        'source',
        'assetKey',
        'measureKind',
        'controlOrderId',
        'releaseOrderId',
        'orderingCourtName',
        'orderingCaseNo',
        'addressedCourtName',
        'registryDetails',
        'state',
        'dueOn',
        'overdue',
        'receiptNo',
        'releasedOn',
        'handedOver',
        'handedOverAt',
      ].map((f) => [
        f,
        [
          allow('CLERK', 'ADMINISTRATOR'),
          'A release task: the measure and asset, for the court that releases it and the administrator it is handed to (seed 000 item 13)',
        ],
      ]),
    ) as Record<string, [Access, string]>,
  ),
  ...rules(
    'OverdueReleaseTask',
    false,
    Object.fromEntries(
      ['id', 'bankruptcyCaseNo', 'source', 'orderingCourtName', 'orderingCaseNo', 'addressedCourtName', 'state', 'dueOn'].map((f) => [
        f,
        [auditorOnly, 'Supervision of an overdue release: which courts and cases, never the asset or the debtor'],
      ]),
    ) as Record<string, [Access, string]>,
  ),
  ...rules(
    'SuspendedExecution',
    false,
    Object.fromEntries(
      ['caseNo', 'courtName', 'reason', 'suspendedAt', 'resumedAt', 'terminatedAt'].map((f) => [
        f,
        [administratorOnly, 'Case metadata of a suspended execution'],
      ]),
    ) as Record<string, [Access, string]>,
  ),
  ...rules(
    'ExecutionSuspension',
    false,
    Object.fromEntries(
      ['reason', 'suspendedAt', 'bankruptcyCaseNo', 'transferId', 'transferState'].map((f) => [f, [clerkOnly, 'Why the clerk’s case is suspended']]),
    ) as Record<string, [Access, string]>,
  ),
  ...rules(
    'BankruptcyTransfer',
    false,
    Object.fromEntries(
      [
        'id',
        'executionCaseNo',
        'executionCourtName',
        'debtorName',
        'debtorIdNumber',
        'tribunalCourtName',
        'consentBy',
        'consentDocumentNo',
        'consentDate',
        'state',
        'decideBy',
        'overdue',
        'returnReason',
        'bankruptcyCaseNo',
        'proposedBy',
        'createdAt',
        'decidedAt',
      ].map((f) => [
        f,
        [
          allow('CLERK', 'JUDGE'),
          'A transfer (执转破): the enterprise (its credit code is public), the consent and the decision, for the proposing clerk and the tribunal',
        ],
      ]),
    ) as Record<string, [Access, string]>,
  ),
  ...rules('ReleaseTaskConnection', false, {
    edges: [everyone, 'Pagination structure'],
    pageInfo: [everyone, 'Pagination structure'],
    totalCount: [everyone, 'Pagination structure'],
  }),
  ...rules('ReleaseTaskEdge', false, { cursor: [everyone, 'Pagination structure'], node: [everyone, 'Pagination structure'] }),
  ...rules('OverdueReleaseTaskConnection', false, {
    edges: [everyone, 'Pagination structure'],
    pageInfo: [everyone, 'Pagination structure'],
    totalCount: [everyone, 'Pagination structure'],
  }),
  ...rules('OverdueReleaseTaskEdge', false, { cursor: [everyone, 'Pagination structure'], node: [everyone, 'Pagination structure'] }),
  ...rules('BankruptcyTransferConnection', false, {
    edges: [everyone, 'Pagination structure'],
    pageInfo: [everyone, 'Pagination structure'],
    totalCount: [everyone, 'Pagination structure'],
  }),
  ...rules('BankruptcyTransferEdge', false, { cursor: [everyone, 'Pagination structure'], node: [everyone, 'Pagination structure'] }),
  // The working calendar of due dates: the operator keeps it (mutations are admin operations, audited as such); the
  // roles whose deadlines it sets read it. It holds public holidays and make-up days, no subject data.
  ...rules('Mutation', false, {
    setCalendarDay: [adminOnly, 'Hub operation: a public holiday or make-up working day of the courts’ calendar (State Council notice)'],
    clearCalendarDay: [adminOnly, 'Hub operation: withdraw a day from the courts’ calendar'],
  }),
  ...rules('Query', false, {
    workingCalendar: [
      calendarReaders,
      'The holidays and make-up days behind release-task due dates: the operator who keeps them and the roles whose deadlines they set',
    ],
  }),
  ...rules('CalendarDay', false, {
    date: [calendarReaders, 'The published holiday calendar'],
    kind: [calendarReaders, 'The published holiday calendar'],
    note: [calendarReaders, 'The published holiday calendar'],
    source: [calendarReaders, 'Where the day comes from (environment or operator), so the operator sees which entry wins'],
  }),

  // ---- Supervision and statistics: src/supervision/supervision.policy.ts -----------------------------------------
  ...SUPERVISION_POLICY,
  // ---- Bankruptcy coordination: claims and credit repair --------------------------------------------------------
  ...rules('Mutation', false, {
    confirmClaim: [administratorOnly, 'Bankruptcy: the administrator reviews and confirms the claims filed (企业破产法 art. 57)'],
    disputeClaim: [administratorOnly, 'Bankruptcy: the administrator disputes a claim filed, with the reason (企业破产法 art. 57)'],
    recordReorganisationPlanApproval: [adminOnly, 'Hub operation: record the ruling approving a reorganisation plan (seed 000 item 22)'],
    requestCreditRepair: [administratorOnly, 'Bankruptcy: credit repair after an approved reorganisation plan (seed 000 item 22, 003 item 12)'],
    fileClaim: [agencyOnly, 'A public creditor files its claim in a bankruptcy case addressed to it (seed 000 items 14, 20)'],
    answerCreditRepair: [agencyOnly, 'An agency answers the credit-repair request addressed to it (seed 000 item 22)'],
  }),
  ...rules('Query', false, {
    bankruptcyInbox: [agencyOnly, 'An agency sees only the bankruptcy requests delivered to its own inbox'],
  }),
  ...rules(
    'BankruptcyRequest',
    false,
    Object.fromEntries(
      [
        'id',
        'kind',
        'state',
        'court',
        'caseNo',
        'subjectName',
        'subjectIdNumber',
        'asOf',
        'rulingNo',
        'rulingDate',
        'receivedAt',
        'decision',
        'reason',
        'answeredBy',
        'answeredAt',
      ].map((f) => [f, [agencyOnly, 'A request addressed to the agency: the debtor only as the object of that request (Principle 1)']]),
    ) as Record<string, [typeof agencyOnly, string]>,
  ),
  ...rules('BankruptcyRequestConnection', false, {
    edges: [everyone, 'Pagination structure'],
    pageInfo: [everyone, 'Pagination structure'],
    totalCount: [everyone, 'Pagination structure'],
  }),
  ...rules('BankruptcyRequestEdge', false, { cursor: [everyone, 'Pagination structure'], node: [everyone, 'Pagination structure'] }),
  ...rules(
    'BankruptcyReceipt',
    false,
    Object.fromEntries(
      ['requestId', 'decision', 'reason', 'answeredBy', 'answeredAt'].map((f) => [f, [agencyOnly, 'The agency’s own answer']]),
    ) as Record<string, [typeof agencyOnly, string]>,
  ),
  ...rules('BankruptcyCase', false, {
    claims: [administratorOnly, 'Bankruptcy: the public creditors’ claims as of the acceptance date (seed 000 items 14, 20)'],
    creditRepairRequests: [administratorOnly, 'Bankruptcy: the administrator follows the credit repair they requested (seed 000 item 22)'],
    reorganisationPlan: [administratorOnly, 'Bankruptcy: the ruling the credit repair rests on'],
  }),
  ...rules(
    'BankruptcyClaim',
    false,
    Object.fromEntries(
      [
        'id',
        'caseNo',
        'source',
        'kind',
        'creditor',
        'state',
        'asOf',
        'principal',
        'lateFees',
        'priorityClass',
        'lateFeesPriorityClass',
        'lines',
        'disputeReason',
        'deliveredAt',
        'filedAt',
        'decidedAt',
        'decidedBy',
        'history',
      ].map((f) => [f, [administratorOnly, 'A claim against the debtor, for the administrator who reviews it (企业破产法 art. 57)']]),
    ) as Record<string, [typeof administratorOnly, string]>,
  ),
  ...rules(
    'ClaimLine',
    false,
    Object.fromEntries(
      ['type', 'period', 'principal', 'lateFees', 'overdueSince', 'days', 'priorityClass'].map((f) => [
        f,
        [administratorOnly, 'How a claim is made up: principal and late fees per tax or insurance type'],
      ]),
    ) as Record<string, [typeof administratorOnly, string]>,
  ),
  ...rules(
    'BankruptcyEvent',
    false,
    Object.fromEntries(
      ['at', 'actor', 'action', 'state', 'note'].map((f) => [f, [administratorOnly, 'Who did what when on a claim or a credit repair']]),
    ) as Record<string, [typeof administratorOnly, string]>,
  ),
  ...rules(
    'CreditRepairRequest',
    false,
    Object.fromEntries(
      ['id', 'state', 'reasons', 'documents', 'requestedBy', 'createdAt', 'rulingNo', 'rulingDate', 'agencies'].map((f) => [
        f,
        [administratorOnly, 'The administrator’s own credit-repair request and its progress'],
      ]),
    ) as Record<string, [typeof administratorOnly, string]>,
  ),
  ...rules(
    'CreditRepairAgency',
    false,
    Object.fromEntries(
      ['source', 'state', 'outcome', 'deliveredAt', 'answeredAt', 'history'].map((f) => [
        f,
        [administratorOnly, 'Each agency’s answer to the credit-repair request'],
      ]),
    ) as Record<string, [typeof administratorOnly, string]>,
  ),
  ...rules('ReorganisationPlan', false, {
    rulingNo: [administratorOnly, 'The ruling the credit repair rests on'],
    rulingDate: [administratorOnly, 'The ruling the credit repair rests on'],
  }),

  // ---- Subject data -------------------------------------------------------------------------------------------
  ...rules('Subject', true, {
    id: [both, 'Opaque reference to the case party'],
    kind: [both, 'Person or enterprise'],
    name: [both, 'Identity of the case party'],
    idNumber: [both, `Identity of the case party (the debtor's credit code is public)`],
    sourceStatus: [both, 'Which sources answered; no record content'],
  }),
  ...rules('SourceStatus', true, {
    source: [both, 'Source availability'],
    state: [both, 'Source availability'],
    latencyMs: [both, 'Source availability'],
  }),
  ...rules('Encumbrance', true, {
    kind: [both, ASSET],
    holder: [both, ASSET],
    caseNo: [both, `${ASSET}: prior seizures (轮候查封)`],
    amount: [both, ASSET],
    registeredOn: [both, ASSET],
    expiresOn: [both, ASSET],
    releasedOn: [both, ASSET],
  }),
  ...rules('LinkedPerson', true, {
    name: [both, 'Who represents or works for the enterprise'],
    idNumber: [
      allow('CLERK').and(mask('ADMINISTRATOR')),
      `${EXEC}: identify the legal representative; administrators see it masked (not their subject)`,
      { mask: 'idNumber' },
    ],
    phone: [clerkOnly, `${EXEC}: whereabouts; administrators have no lawful purpose for a linked person's contacts`],
    address: [clerkOnly, `${EXEC}: whereabouts; administrators have no lawful purpose for a linked person's contacts`],
  }),
  // List checks by agencies: src/checks/check.policy.ts.
  ...CHECK_POLICY,
  // Each source's fields: src/sources/<source>/<source>.policy.ts.
  ...Object.assign({}, ...SOURCES.map((source) => source.policy)),
};

/** The outcome for a role, DENY for anything without a rule. */
export function outcomeFor(role: Role, typeField: string): Outcome {
  return POLICY[typeField]?.outcomes[role] ?? 'DENY';
}

/**
 * May this viewer (or user) perform this operation (`Query.executionCase`, `Mutation.createUser`)? Services ask
 * this instead of comparing role names, so a second lock behind the shield follows the same table.
 */
export function may(viewer: { role: Role }, operation: string): boolean {
  return outcomeFor(viewer.role, operation) !== 'DENY';
}

/** The kind of entry an audited root query writes: ADMIN for the operator's lists, AUDIT for the auditor's API. */
export function auditedQueryKind(query: string): 'AUDIT' | 'ADMIN' {
  return POLICY[`Query.${query}`]?.auditedAs ?? 'AUDIT';
}

/** Root queries recorded on the audit log with their arguments: the rules flagged `audited`. */
export function auditedQueries(): Set<string> {
  return new Set(
    Object.entries(POLICY)
      .filter(([field, rule]) => rule.audited && field.startsWith('Query.'))
      .map(([field]) => field.slice('Query.'.length)),
  );
}
