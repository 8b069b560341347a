import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { IMiddlewareFunction } from 'graphql-middleware';
import { auditedQueries, auditedQueryKind } from '../auth/policy';
import type { RequestContext } from '../context';
import { normaliseCaseNo, parseCaseNo } from '../ids/case-number';
import { subjectIdProblem } from '../ids/subject-id';
import { SubjectView } from '../schema/subject.type';
import { redactArguments } from './redact-arguments';
import type { Beneath, RequestAudit } from './request-audit';
import { fieldNamesAlong, requestedBeneath, type RequestedField } from './requested-beneath';

/** Root queries of the auditor's API: looking into the log is itself on the record (the policy's `audited` rules). */
export const AUDITED_QUERIES = auditedQueries();

type Settled = { value: unknown; error: null; thrown: false } | { value: unknown; error: unknown; thrown: boolean };

// graphql-shield returns (rather than throws) the errors of denied fields and of failed resolvers.
async function settle(run: () => unknown): Promise<Settled> {
  try {
    const value = await run();
    return value instanceof Error ? { value, error: value, thrown: false } : { value, error: null, thrown: false };
  } catch (error) {
    return { value: undefined, error, thrown: true };
  }
}

function deliver(result: Settled): unknown {
  if (result.thrown) throw result.error;
  return result.value;
}

function isForbidden(error: unknown): boolean {
  return error instanceof GraphQLError && error.extensions?.code === 'FORBIDDEN';
}

/**
 * The subject this field is read beneath, if any, and its path from the subject (list indices dropped). Fields a role
 * is plainly allowed run without this middleware (auth/planned-fields.ts) and leave no mark on the way down, so the
 * nearest marked field above is found and the field names between are read from the query (response keys may be aliases).
 */
function locate(audit: RequestAudit, parent: unknown, info: GraphQLResolveInfo): Beneath | null {
  if (parent instanceof SubjectView && parent.binding) return { read: audit.subjectRead(parent), path: info.fieldName, nodes: info.fieldNodes };
  const keys: string[] = [];
  for (let p = info.path.prev; p; p = p.prev) {
    if (typeof p.key === 'number') continue;
    const above = audit.beneath.get(p);
    if (above) {
      const between = fieldNamesAlong(above.nodes, keys.reverse(), info.fragments);
      if (between === null) return null;
      const path = [above.path, ...between, info.fieldName].join('.');
      return { read: above.read, path, nodes: info.fieldNodes };
    }
    keys.push(p.key);
  }
  return null;
}

/** The paths of a planned list beneath a field, each prefixed with the field's own path, by list and prefix. */
const PREFIXED = new WeakMap<readonly RequestedField[], Map<string, readonly string[]>>();

/**
 * `prefix.path` for each field of the list, built once per planned list and prefix: every request of the same query
 * records the same path strings (their hashes computed once), instead of building and hashing them anew.
 */
function prefixedPaths(list: readonly RequestedField[], prefix: string): readonly string[] {
  let byPrefix = PREFIXED.get(list);
  if (!byPrefix) PREFIXED.set(list, (byPrefix = new Map()));
  let paths = byPrefix.get(prefix);
  if (!paths) {
    paths = list.map((below) => `${prefix}.${below.path}`);
    byPrefix.set(prefix, paths);
  }
  return paths;
}

function linkedIdNumber(parent: unknown): string | null {
  const idNumber = (parent as { idNumber?: unknown } | null)?.idNumber;
  return typeof idNumber === 'string' && idNumber.length > 0 ? idNumber : null;
}

function caseOf(args: Record<string, unknown>, parent: unknown, info: GraphQLResolveInfo): { kind: string | null; caseNo: string | null } {
  const raw = typeof args.caseNo === 'string' ? args.caseNo : (parent as { caseNo?: unknown } | null)?.caseNo;
  // Normalised exactly as the case services do, so a refusal names the case whatever spacing or width was sent.
  const normalised = typeof raw === 'string' ? normaliseCaseNo(raw) : null;
  const parsed = normalised ? parseCaseNo(normalised) : null;
  const where = `${info.parentType.name}.${info.fieldName}`;
  const kind = parsed?.type.startsWith('破') || /bankruptcy/i.test(where) ? 'BANKRUPTCY' : parsed || /execution/i.test(where) ? 'EXECUTION' : null;
  return { kind, caseNo: parsed ? normalised : null };
}

function subjectArgument(args: Record<string, unknown>): string | null {
  const filter = args.filter as { subjectId?: unknown } | undefined;
  const value = typeof args.subjectId === 'string' ? args.subjectId : typeof filter?.subjectId === 'string' ? filter.subjectId : null;
  const normalised = value?.trim().toUpperCase() ?? null;
  return normalised && subjectIdProblem(normalised) === null ? normalised : null;
}

/**
 * Records what each request reads and is refused, for the audit log. Applied outside the shield, so that it
 * sees the shield's denials as well as resolver errors:
 *   - a field beneath a case-bound subject: its path and outcome (policy ALLOW/MASK, DENY when refused,
 *     FAILED when a source could not answer), and the sources its resolver consulted;
 *   - any other field refused with FORBIDDEN: a refusal under the case it named;
 *   - a mutation: an entry written before it runs, and one with its result;
 *   - a query of the auditor's API: an entry with its arguments;
 *   - a list of the operator's (the policy's `audited: 'ADMIN'`): an admin entry with its arguments.
 */
export function buildAuditMiddleware(options: { planned?: boolean; authorization?: boolean } = {}): IMiddlewareFunction {
  const planned = options.planned === true;
  // With authorization switched off for a benchmark nothing is denied or masked: what the query asked beneath a field
  // is recorded as served, not with the outcome the table would have applied.
  const unauthorized = options.authorization === false;
  return async (resolve, parent, args, ctx: RequestContext, info) => {
    const audit = ctx?.audit;
    if (!audit) return resolve(parent, args, ctx, info);

    const beneath = locate(audit, parent, info);
    if (beneath) {
      audit.beneath.set(info.path, beneath);
      const result = await settle(() => resolve(parent, args, ctx, info));
      // What the shield and the masking applied: a denial or failure comes back as an error, a mask is noted by masking.
      const outcome = result.error ? (isForbidden(result.error) ? 'DENY' : 'FAILED') : audit.wasMasked(info.path) ? 'MASK' : 'ALLOW';
      const person = info.parentType.name === 'LinkedPerson' ? linkedIdNumber(parent) : null;
      const reads = person ? [beneath.read, beneath.read.linkedPerson(person)] : [beneath.read];
      for (const read of reads) read.field(beneath.path, outcome);
      // Whether the record has data there must not show: what was asked beneath an empty list, a missing object
      // or a refused field is recorded as if it had been there.
      // The same list is what the fields beneath record as they run. When fields are planned (auth/planned-fields.ts),
      // those a role is plainly allowed do not run this middleware, so a field read directly on the subject records
      // them all here, each with the table's outcome (the shield and the masking apply exactly that table).
      const value = result.value;
      const empty = value === null || value === undefined || (Array.isArray(value) && value.length === 0);
      if (result.error || empty || (planned && parent instanceof SubjectView)) {
        const failed = result.error ? outcome : null;
        const list = requestedBeneath(info, ctx.viewer.role);
        const paths = prefixedPaths(list, beneath.path);
        for (let i = 0; i < list.length; i += 1) {
          for (const read of reads) read.field(paths[i], failed ?? (unauthorized ? 'ALLOW' : list[i].outcome));
        }
      }
      return deliver(result);
    }

    const root = info.path.prev === undefined;
    const mutation = root && info.operation.operation === 'mutation';
    const kind = mutation ? 'ADMIN' : root && AUDITED_QUERIES.has(info.fieldName) ? auditedQueryKind(info.fieldName) : null;
    if (kind) {
      const recorded = redactArguments(args);
      if (mutation) {
        try {
          await audit.recordIntent(kind, info.fieldName, recorded);
        } catch (error) {
          audit.failure = error;
          throw new GraphQLError('Not recorded', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
        }
      }
      const result = await settle(() => resolve(parent, args, ctx, info));
      const error = result.error as { message?: string } | null;
      audit.operation({
        kind,
        field: info.fieldName,
        arguments: recorded,
        outcome: !error ? 'ALLOWED' : isForbidden(error) ? 'DENIED' : 'FAILED',
        message: error?.message,
        subjectIdNumber: subjectArgument(args),
      });
      return deliver(result);
    }

    const result = await settle(() => resolve(parent, args, ctx, info));
    if (isForbidden(result.error)) {
      const { kind: caseKind, caseNo } = caseOf(args, parent, info);
      audit.refusal(caseKind, caseNo, `${info.parentType.name}.${info.fieldName}`, (result.error as GraphQLError).message);
    }
    return deliver(result);
  };
}

/**
 * What this middleware records for a field that failed, for the fields that run without it (auth/planned-fields.ts):
 * beneath a subject, the field and everything asked beneath it as DENY or FAILED; elsewhere, a FORBIDDEN as a
 * refusal under the case it names.
 */
export function auditFieldError(error: unknown, parent: unknown, args: Record<string, unknown>, ctx: RequestContext, info: GraphQLResolveInfo): void {
  const audit = ctx?.audit;
  if (!audit) return;
  const beneath = locate(audit, parent, info);
  if (beneath) {
    audit.beneath.set(info.path, beneath);
    const outcome = isForbidden(error) ? 'DENY' : 'FAILED';
    beneath.read.field(beneath.path, outcome);
    const list = requestedBeneath(info, ctx.viewer.role);
    const paths = prefixedPaths(list, beneath.path);
    for (let i = 0; i < list.length; i += 1) beneath.read.field(paths[i], outcome);
  } else if (isForbidden(error)) {
    const { kind: caseKind, caseNo } = caseOf(args, parent, info);
    audit.refusal(caseKind, caseNo, `${info.parentType.name}.${info.fieldName}`, (error as GraphQLError).message);
  }
}
