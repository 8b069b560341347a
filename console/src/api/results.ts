// The shapes of the answers the console asks for: each names only the fields its page selects.

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  totalCount?: number;
  pageInfo: PageInfo;
  edges: Array<{ node: T }>;
}

export interface AuditEntryRow {
  seq: string;
  at: string;
  kind: string;
  username: string | null;
  organisation: string | null;
  role: string | null;
  caseNo: string | null;
  subjectIdNumber: string | null;
  outcome: string;
  operationName: string | null;
}

export interface AuditEntryFull extends AuditEntryRow {
  requestId: string;
  caseKind: string | null;
  subjectId: string | null;
  subjectKind: string | null;
  clientAddress: string | null;
  detail: string | null;
  prevHash: string;
  hash: string;
  fields: Array<{ path: string; outcome: string }>;
  sources: Array<{ source: string; state: string }>;
}

export interface AuditAlert {
  rule: string;
  description: string;
  username: string | null;
  subjectIdNumber: string | null;
  windowStart: string;
  windowEnd: string;
  count: number;
  threshold: number;
  caseNos: string[];
  firstSeq: string;
  lastSeq: string;
}

export interface PolicyRow {
  role: string;
  field: string;
  outcome: string;
  reason: string;
  mask: string | null;
  subjectData: boolean;
}

export interface Party {
  kind: string;
  name: string;
}

export interface ExecutionCaseRecord {
  caseNo: string;
  status: string;
  filedOn: string;
  amountDue: string;
  court: { name: string };
  respondents: Party[];
  clerks: Array<{ username: string; displayName: string }>;
}

export interface AppointmentRecord {
  firm: { code: string; name: string };
  decisionNo: string | null;
  validFrom: string;
  validTo: string | null;
  ended: boolean;
}

export interface BankruptcyCaseRecord {
  caseNo: string;
  status: string;
  acceptedOn: string;
  acceptanceRulingNo: string | null;
  court: { name: string };
  debtor: Party;
  appointments: AppointmentRecord[];
}

export interface OrganisationRecord {
  code: string;
  name: string;
  kind: string;
  disabled: boolean;
  /** AGENCY: the source it answers for (SourceName, e.g. CREDIT); null when none, and for other kinds. */
  source: string | null;
  /** AGENCY: the purposes it may check the dishonest-debtor list for. */
  declaredPurposes: string[];
}

export interface UserRecord {
  username: string;
  displayName: string;
  role: string;
  disabled: boolean;
  organisation: { code: string; name: string };
}

/** A subject as the inquiry answers it: its identity and, per source, the field(s) that source adds. */
export interface SubjectAnswer {
  id?: string;
  kind: string;
  name: string;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
  sourceStatus?: Array<{ source: string; state: string; latencyMs: number }> | null;
  [sourceField: string]: unknown;
}
