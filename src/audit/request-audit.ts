import { randomBytes } from 'node:crypto';
import type { FieldNode } from 'graphql';
import type { Viewer } from '../auth/viewer';
import type { AuditEntryKind, AuditFieldRead, AuditOutcome } from '../entities/hub/audit-entry.entity';
import type { SubjectView } from '../schema/subject.type';
import type { SourceStatusRecord } from '../sources/source-connector';
import { sharedFieldList, type AuditDraft } from './audit-entry-hash';
import type { AuditLog } from './audit-log';
import { SubjectRead, type FieldOutcome } from './subject-read';

interface Refusal {
  caseKind: string | null;
  caseNo: string | null;
  paths: Set<string>;
  messages: Set<string>;
}

interface Operation {
  kind: Extract<AuditEntryKind, 'ADMIN' | 'AUDIT'>;
  field: string;
  arguments: Record<string, unknown>;
  outcome: AuditOutcome;
  message?: string;
  subjectIdNumber?: string | null;
}

/** Where a path beneath a subject leads: the subject's record and the field path from it. */
export interface Beneath {
  read: SubjectRead;
  path: string;
  /** The query's selections of the field at this path, to name the fields between it and a field read further down. */
  nodes: readonly FieldNode[];
}

const STATE_SEVERITY: Record<string, number> = { OK: 0, TIMEOUT: 1, ERROR: 2 };

const cut = (value: string | null | undefined, length: number): string | null => (value == null ? null : value.slice(0, length));

const OUTCOME_CODE: Record<FieldOutcome, number> = { ALLOW: 0x2545f491, MASK: 0x4f6cdd1d, FAILED: 0x7e95761e, DENY: 0x3c6ef372 };
/** Distinct lists kept at most; past it the cache starts over. */
const MAX_LISTS = 1000;
/** Distinct paths given a code at most; past it the codes, and the lists found by them, start over. */
const MAX_PATHS = 20_000;

interface KnownList {
  /** Null for a list that needs mending (`sharedFieldList`): it is listed afresh, and mended, every time. */
  list: readonly AuditFieldRead[] | null;
  outcomes: ReadonlyMap<string, FieldOutcome>;
}
/** A random code per path, for a fingerprint of a read's fields that does not depend on the order they were recorded. */
const PATH_CODES = new Map<string, number>();
/**
 * The lists of fields subjects were read with, by a fingerprint of their content: the same query by the same role reads
 * the same list for every subject, so it is sorted, rendered and digested once and the entries share it
 * (`sharedFieldList`). A list found by its fingerprint is used only once compared path by path.
 */
const FIELD_LISTS = new Map<string, KnownList>();

function pathCode(path: string): number {
  let code = PATH_CODES.get(path);
  if (code === undefined) {
    if (PATH_CODES.size >= MAX_PATHS) {
      PATH_CODES.clear();
      FIELD_LISTS.clear();
    }
    code = randomBytes(4).readUInt32LE(0);
    PATH_CODES.set(path, code);
  }
  return code;
}

/** Two sums over the fields (each path's code mixed with its outcome's), with their number: the same in any order. */
function fingerprint(fields: ReadonlyMap<string, FieldOutcome>): string {
  let sum = 0;
  let mixed = 0;
  for (const [path, outcome] of fields) {
    const code = Math.imul(pathCode(path) ^ OUTCOME_CODE[outcome], 0x9e3779b1);
    sum = (sum + code) | 0;
    mixed = (mixed + Math.imul(code ^ (code >>> 15), 0x85ebca6b)) | 0;
  }
  return `${fields.size}:${sum}:${mixed}`;
}

/** How many lists and paths with a code are kept (each bounded). */
export function fieldListCaches(): { lists: number; paths: number } {
  return { lists: FIELD_LISTS.size, paths: PATH_CODES.size };
}

/** Whether the read's fields are exactly the known list's: as many, and each with the same outcome. */
function sameFields(fields: ReadonlyMap<string, FieldOutcome>, known: KnownList): boolean {
  if (fields.size !== known.outcomes.size) return false;
  for (const [path, outcome] of fields) if (known.outcomes.get(path) !== outcome) return false;
  return true;
}

/** The read's fields sorted by path (UTF-16 code units, as the canonical form orders them). */
const sorted = (fields: ReadonlyMap<string, FieldOutcome>): AuditFieldRead[] =>
  [...fields.keys()].sort().map((path) => ({ path, outcome: fields.get(path)! }));

/**
 * The read's fields as a sorted list: the list kept for the same content when there is one, found by its fingerprint
 * whatever the order its fields were recorded in. A list whose fingerprint names another (which random codes make all
 * but impossible) is listed afresh and not kept.
 */
function fieldList(fields: ReadonlyMap<string, FieldOutcome>): readonly AuditFieldRead[] {
  const print = fingerprint(fields);
  const found = FIELD_LISTS.get(print);
  if (found && sameFields(fields, found)) return found.list ?? sorted(fields);
  const list = sorted(fields);
  const shared = sharedFieldList(list);
  if (!found) {
    if (FIELD_LISTS.size >= MAX_LISTS) FIELD_LISTS.clear();
    FIELD_LISTS.set(print, { list: shared, outcomes: new Map(fields) });
  }
  return shared ?? list;
}

/**
 * What one request has to put on the record, collected while it executes (audit-middleware.ts) and appended
 * before its answer is sent (audit-plugin.ts): one entry per subject read under a case, one per refused case,
 * one per operation of the admin and audit APIs.
 */
export class RequestAudit {
  operationName: string | null = null;
  /** Set when an entry that had to be written at once could not be: the whole answer is withheld. */
  failure: unknown = null;
  private readonly reads = new Map<string, SubjectRead>();
  private readonly refusals = new Map<string, Refusal>();
  private readonly operations: Operation[] = [];
  /** Per ID number, each source that answered a lookup for it in this request, and how. */
  private readonly sources = new Map<string, Map<string, string>>();
  /** Response paths (graphql-js Path objects) beneath a subject. */
  readonly beneath = new WeakMap<object, Beneath>();
  /** Response paths whose value the masking middleware masked. */
  private readonly maskedPaths = new WeakSet<object>();

  constructor(
    /** Null only where audit is switched off for a benchmark (refused in production). */
    readonly log: AuditLog | null,
    readonly requestId: string,
    readonly viewer: Viewer,
    readonly clientAddress: string | null,
    /** The X-Request-Id the client sent, if any. */
    readonly correlationId: string | null = null,
  ) {}

  subjectRead(subject: SubjectView): SubjectRead {
    const key = `${subject.binding.kind}|${subject.binding.caseNo}|${subject.id}`;
    let read = this.reads.get(key);
    if (!read) {
      read = new SubjectRead({ id: subject.id, kind: subject.kind ?? null, idNumber: subject.idNumber, binding: subject.binding });
      this.reads.set(key, read);
    }
    return read;
  }

  /** A source reports how it answered a lookup for this ID number (a subject or a person linked to one). */
  sourceAnswered(idNumber: string, status: SourceStatusRecord): void {
    let states = this.sources.get(idNumber);
    if (!states) {
      states = new Map();
      this.sources.set(idNumber, states);
    }
    const before = states.get(status.source);
    if (before === undefined || (STATE_SEVERITY[status.state] ?? 3) > (STATE_SEVERITY[before] ?? 3)) states.set(status.source, status.state);
  }

  /** The masking middleware notes each value it masked, so the entry says what was applied. */
  masked(path: object): void {
    this.maskedPaths.add(path);
  }

  wasMasked(path: object): boolean {
    return this.maskedPaths.has(path);
  }

  refusal(caseKind: string | null, caseNo: string | null, path: string, message: string): void {
    const key = `${caseKind}|${caseNo}`;
    let refusal = this.refusals.get(key);
    if (!refusal) {
      refusal = { caseKind, caseNo, paths: new Set(), messages: new Set() };
      this.refusals.set(key, refusal);
    }
    refusal.paths.add(path);
    refusal.messages.add(message);
  }

  operation(op: Operation): void {
    this.operations.push(op);
  }

  /** The drafts collected so far; collecting starts afresh. */
  take(): AuditDraft[] {
    const reads = [...this.reads.values()].flatMap((r) => [r, ...r.linked.values()]);
    const drafts = [
      ...reads.map((r) => this.readDraft(r)),
      ...[...this.refusals.values()].map((r) => this.refusalDraft(r)),
      ...this.operations.map((o) => this.operationDraft(o)),
    ];
    this.reads.clear();
    this.refusals.clear();
    this.operations.length = 0;
    this.sources.clear();
    return drafts;
  }

  /** Appends the collected entries; rejects when they could not be written (the caller withholds the answer). */
  async flush(): Promise<void> {
    const drafts = this.take();
    if (drafts.length > 0 && this.log) await this.log.writer.append(drafts);
  }

  /** Written at once, before an operation runs, so that no change can happen unrecorded. */
  async recordIntent(kind: Operation['kind'], field: string, args: Record<string, unknown>): Promise<void> {
    if (!this.log) return;
    await this.log.writer.append([this.operationDraft({ kind, field, arguments: args, outcome: 'REQUESTED' })]);
  }

  private base(kind: AuditEntryKind): Omit<AuditDraft, 'fields' | 'sources' | 'outcome' | 'detail'> {
    return {
      requestId: this.requestId,
      correlationId: this.correlationId,
      kind,
      username: this.viewer.username,
      organisationCode: this.viewer.organisationCode,
      role: this.viewer.role,
      caseKind: null,
      caseNo: null,
      subjectId: null,
      subjectKind: null,
      subjectIdNumber: null,
      clientAddress: cut(this.clientAddress, 64),
      operationName: cut(this.operationName, 100),
    };
  }

  private readDraft(read: SubjectRead): AuditDraft {
    const { subject } = read;
    const sources = this.sources.get(subject.idNumber) ?? new Map<string, string>();
    return {
      ...this.base('READ'),
      caseKind: subject.binding.kind,
      caseNo: subject.binding.caseNo,
      subjectId: subject.id,
      subjectKind: subject.kind,
      subjectIdNumber: subject.idNumber ?? null,
      fields: fieldList(read.fields),
      sources: [...sources.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([source, state]) => ({ source, state })),
      outcome: !read.released ? 'DENIED' : read.withheld ? 'PARTIAL' : 'ALLOWED',
      detail: subject.linkedTo ? { linkedTo: subject.linkedTo } : null,
    };
  }

  private refusalDraft(refusal: Refusal): AuditDraft {
    return {
      ...this.base('REFUSAL'),
      caseKind: refusal.caseKind,
      caseNo: refusal.caseNo,
      fields: [...refusal.paths].sort().map((path) => ({ path, outcome: 'DENY' as const })),
      sources: [],
      outcome: 'DENIED',
      detail: { messages: [...refusal.messages].slice(0, 10).map((m) => m.slice(0, 300)) },
    };
  }

  private operationDraft(op: Operation): AuditDraft {
    return {
      ...this.base(op.kind),
      subjectIdNumber: op.subjectIdNumber ?? null,
      fields: [],
      sources: [],
      outcome: op.outcome,
      detail: { operation: op.field, arguments: op.arguments, ...(op.message ? { message: op.message.slice(0, 300) } : {}) },
    };
  }
}

/** The entry for a token that verified but names an unknown or disabled user. */
export function authFailureDraft(
  requestId: string,
  username: string,
  clientAddress: string | null,
  reason: string,
  correlationId: string | null = null,
): AuditDraft {
  return {
    requestId,
    correlationId,
    kind: 'AUTH_FAILURE',
    username: cut(username, 64),
    organisationCode: null,
    role: null,
    caseKind: null,
    caseNo: null,
    subjectId: null,
    subjectKind: null,
    subjectIdNumber: null,
    fields: [],
    sources: [],
    outcome: 'DENIED',
    clientAddress: cut(clientAddress, 64),
    operationName: null,
    detail: { reason },
  };
}
