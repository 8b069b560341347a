import { GraphQLError } from 'graphql';
import { findAlerts, type AuditAlert } from '../audit/alert-rules';
import { checkpointFromRow, type Checkpoint } from '../audit/audit-checkpoints';
import type { ChainedEntry } from '../audit/audit-entry-hash';
import { findAuditEntries, type AuditQuery } from '../audit/audit-entry-query';
import type { AuditLog } from '../audit/audit-log';
import { detailFor } from '../audit/mask-detail';
import type { VerificationReport } from '../audit/audit-verifier';
import { may } from '../auth/policy';
import type { RequestContext } from '../context';
import type { Role } from '../entities/hub/user.entity';
import { normaliseCaseNo, parseCaseNo } from '../ids/case-number';
import type { AuditEntryFilter, AuditEntryType } from '../schema/audit.type';
import { badUserInput, forbidden } from '../schema/error-codes';
import { checkFirst, decodeCursor, encodeCursor } from './pagination';
import { subjectIdArgument } from './subject-id-argument';

const DAY_MS = 86_400_000;
export const MAX_ALERT_WINDOW_DAYS = 92;
const SEQ = /^[1-9]\d{0,17}$/;

/** An entry as the viewer sees it; `subjectIdNumber` is masked by the masking middleware, `detail` here. */
function toType(e: ChainedEntry, role: Role): AuditEntryType {
  return {
    seq: e.seq,
    at: e.at,
    requestId: e.requestId,
    kind: e.kind,
    username: e.username,
    organisation: e.organisationCode,
    role: e.role as Role | null,
    caseKind: e.caseKind,
    caseNo: e.caseNo,
    subjectId: e.subjectId,
    subjectKind: e.subjectKind,
    subjectIdNumber: e.subjectIdNumber,
    fields: e.fields,
    sources: e.sources,
    outcome: e.outcome,
    clientAddress: e.clientAddress,
    correlationId: e.correlationId ?? null,
    operationName: e.operationName,
    detail: detailFor(role, e.detail),
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

function text(argument: string, value: string | null | undefined, max: number): string | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > max) throw badUserInput(argument, `must be 1 to ${max} characters`);
  return trimmed;
}

/** A time PostgreSQL can compare with: years 1 to 9999 (JavaScript also has year 0 and six-digit years). */
function timeArgument(argument: string, value: Date | null | undefined): Date | undefined {
  if (value === null || value === undefined) return undefined;
  const year = value.getUTCFullYear();
  if (Number.isNaN(value.getTime()) || year < 1 || year > 9999) throw badUserInput(argument, 'must be a time between the years 1 and 9999');
  return value;
}

function seqArgument(argument: string, raw: string | null | undefined): bigint | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (!SEQ.test(raw)) throw badUserInput(argument, 'must be a positive whole number');
  return BigInt(raw);
}

/** The auditor's API: the log, the per-subject history, alerts, verification and checkpoints. */
export class AuditService {
  private log(ctx: RequestContext, operation: string): AuditLog {
    if (!may(ctx.viewer, operation)) throw forbidden(`Your role may not perform ${operation}`);
    if (!ctx.audit.log) throw new GraphQLError('The audit log is switched off', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    return ctx.audit.log;
  }

  async entries(ctx: RequestContext, filter: AuditEntryFilter | null, first: number, after: string | null) {
    const log = this.log(ctx, 'Query.auditEntries');
    checkFirst(first);
    const f = filter ?? {};
    const query: AuditQuery = {
      username: text('filter.username', f.username, 64),
      organisationCode: text('filter.organisation', f.organisation, 64),
      role: f.role ?? undefined,
      outcome: f.outcome ?? undefined,
      kind: f.kind ?? undefined,
      from: timeArgument('filter.from', f.from),
      to: timeArgument('filter.to', f.to),
    };
    if (f.caseNo !== null && f.caseNo !== undefined) {
      const caseNo = normaliseCaseNo(f.caseNo);
      if (!parseCaseNo(caseNo)) throw badUserInput('filter.caseNo', 'malformed case number, expected e.g. (2024)皖1524执123号');
      query.caseNo = caseNo;
    }
    if (f.subjectId !== null && f.subjectId !== undefined) query.subjectIdNumber = subjectIdArgument('filter.subjectId', f.subjectId).idNumber;
    if (query.from && query.to && query.to <= query.from) throw badUserInput('filter.to', 'must be later than filter.from');
    return this.page(ctx, log, query, first, after);
  }

  /** Who read this person or enterprise, when and under which case: READ entries only. */
  async subjectHistory(ctx: RequestContext, subjectId: string, first: number, after: string | null) {
    const log = this.log(ctx, 'Query.subjectAccessHistory');
    checkFirst(first);
    return this.page(ctx, log, { subjectIdNumber: subjectIdArgument('subjectId', subjectId).idNumber, kind: 'READ' }, first, after);
  }

  private async page(ctx: RequestContext, log: AuditLog, query: AuditQuery, first: number, after: string | null) {
    if (after) {
      const [label, seq] = decodeCursor(after);
      if (label !== 'seq' || !SEQ.test(seq)) throw badUserInput('after', 'not a cursor returned by this API');
      query.beforeSeq = seq;
    }
    const rows = await findAuditEntries(log.db, query, first + 1);
    const page = rows.slice(0, first).map((e) => toType(e, ctx.viewer.role));
    const cursor = (e: AuditEntryType) => encodeCursor('seq', e.seq);
    return {
      edges: page.map((node) => ({ node, cursor: cursor(node) })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? cursor(page[page.length - 1]) : null },
    };
  }

  async alerts(ctx: RequestContext, since: Date | null, until: Date | null): Promise<AuditAlert[]> {
    const log = this.log(ctx, 'Query.auditAlerts');
    const end = timeArgument('until', until) ?? new Date();
    const start = timeArgument('since', since) ?? new Date(end.getTime() - 7 * DAY_MS);
    if (start >= end) throw badUserInput('since', 'must be earlier than until');
    if (end.getTime() - start.getTime() > MAX_ALERT_WINDOW_DAYS * DAY_MS)
      throw badUserInput('since', `the window may span at most ${MAX_ALERT_WINDOW_DAYS} days`);
    return findAlerts(log.db, start, end);
  }

  async verify(
    ctx: RequestContext,
    fromSeq: string | null,
    toSeq: string | null,
    fromTime: Date | null = null,
    toTime: Date | null = null,
  ): Promise<VerificationReport> {
    const log = this.log(ctx, 'Query.verifyAuditLog');
    const from = seqArgument('fromSeq', fromSeq);
    const to = seqArgument('toSeq', toSeq);
    if (from !== undefined && to !== undefined && to < from) throw badUserInput('toSeq', 'must not be lower than fromSeq');
    const since = timeArgument('from', fromTime);
    const until = timeArgument('to', toTime);
    if (since && until && until <= since) throw badUserInput('to', 'must be later than from');
    return log.verify({ fromSeq: from, toSeq: to, from: since, to: until });
  }

  publicKey(ctx: RequestContext) {
    if (!ctx.audit.log) throw new GraphQLError('The audit log is switched off', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    return ctx.audit.log.keys.publicKey;
  }

  async checkpoints(ctx: RequestContext, first: number): Promise<Checkpoint[]> {
    const log = this.log(ctx, 'Query.auditCheckpoints');
    checkFirst(first);
    const rows = await log.db.query(`SELECT * FROM audit_checkpoint ORDER BY seq DESC LIMIT ${first}`);
    return rows.map(checkpointFromRow);
  }

  async createCheckpoint(ctx: RequestContext): Promise<Checkpoint | null> {
    return this.log(ctx, 'Mutation.createAuditCheckpoint').checkpoint();
  }
}
