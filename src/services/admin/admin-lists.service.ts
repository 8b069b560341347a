import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../../context';
import { AdministratorAppointment, BankruptcyCase, ExecutionCase, Organisation, User } from '../../entities/hub';
import type { Role } from '../../entities/hub/user.entity';
import { normaliseCaseNo } from '../../ids/case-number';
import type { ManagedBankruptcyCaseType, ManagedExecutionCaseType, ManagedOrganisationType, ManagedUserType } from '../../schema/admin/managed.type';
import { badUserInput } from '../../schema/error-codes';
import { checkFirst, connectionOf, decodeCursor, decodeDateIdCursor, encodeCursor, type PageArgs } from '../pagination';
import { closingOf, managedOrganisation, managedUser } from './managed-views';
import { organisationCodeArgument } from './organisation-admin.service';
import { requireOperation } from './require-operation';
import { textArgument } from './text-argument';

export const SEARCH_MAX = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface OrganisationFilter {
  search?: string | null;
  kind?: string | null;
}

export interface UserFilter {
  search?: string | null;
  role?: Role | null;
  organisationCode?: string | null;
}

export interface CaseFilter {
  search?: string | null;
  status?: string | null;
}

/** A search term: null when absent or blank, else trimmed and checked like any free text. */
function searchArgument(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  return textArgument('search', raw, { max: SEARCH_MAX });
}

/** `%term%` for ILIKE, with the wildcards of the term itself taken literally. */
function containing(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A (text key, id) keyset cursor, checked before it reaches SQL. */
function decodeKeyIdCursor(cursor: string, maxKey: number): [string, string] {
  const [key, id] = decodeCursor(cursor);
  if (key.length === 0 || key.length > maxKey || !UUID.test(id)) throw badUserInput('after', 'not a cursor returned by this API');
  return [key, id];
}

/** One page after the cursor; the count is of the whole filtered list, whatever page this is. */
async function page<T extends ObjectLiteral, R>(
  query: SelectQueryBuilder<T>,
  args: PageArgs,
  /** The keyset condition of the (already checked) cursor, if any. */
  after: [condition: string, parameters: Record<string, unknown>] | null,
  view: (rows: T[]) => Promise<R[]> | R[],
  cursorOf: (row: T) => string,
) {
  const totalCount = await query.clone().getCount();
  if (after) query.andWhere(...after);
  const rows = await query.take(args.first + 1).getMany();
  const nodes = await view(rows);
  const cursors = new Map(rows.map((row, i) => [nodes[i], cursorOf(row)]));
  return connectionOf(nodes, args.first, (node) => cursors.get(node)!, totalCount);
}

/**
 * The operator's lists of what they manage (ADMIN only): organisations, users, and both kinds of case with their
 * clerks and appointments. Parties appear as filed (kind and name); the search never matches an ID number, so a
 * list is no lookup of who is party to which case by identity.
 */
export class AdminListService {
  async organisations(ctx: RequestContext, args: PageArgs, filter: OrganisationFilter) {
    requireOperation(ctx, 'Query.managedOrganisations');
    checkFirst(args.first);
    const search = searchArgument(filter.search);
    const query = ctx.hub.getRepository(Organisation).createQueryBuilder('o').orderBy('o.code', 'ASC').addOrderBy('o.id', 'ASC');
    if (search) query.andWhere('(o.code ILIKE :term OR o.name ILIKE :term)', { term: containing(search) });
    if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
    const after = args.after ? decodeKeyIdCursor(args.after, 64) : null;
    return page(
      query,
      args,
      after && ['(o.code, o.id) > (:code, :id::uuid)', { code: after[0], id: after[1] }],
      (rows): ManagedOrganisationType[] => rows.map(managedOrganisation),
      (o) => encodeCursor(o.code, o.id),
    );
  }

  async users(ctx: RequestContext, args: PageArgs, filter: UserFilter) {
    requireOperation(ctx, 'Query.managedUsers');
    checkFirst(args.first);
    const search = searchArgument(filter.search);
    const organisationCode = filter.organisationCode == null ? null : organisationCodeArgument('organisationCode', filter.organisationCode);
    const query = ctx.hub
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.organisation', 'o')
      .orderBy('u.username', 'ASC')
      .addOrderBy('u.id', 'ASC');
    if (search) query.andWhere('(u.username ILIKE :term OR u.display_name ILIKE :term)', { term: containing(search) });
    if (filter.role) query.andWhere('u.role = :role', { role: filter.role });
    if (organisationCode) query.andWhere('o.code = :organisationCode', { organisationCode });
    const after = args.after ? decodeKeyIdCursor(args.after, 64) : null;
    return page(
      query,
      args,
      after && ['(u.username, u.id) > (:username, :id::uuid)', { username: after[0], id: after[1] }],
      (rows): ManagedUserType[] => rows.map(managedUser),
      (u) => encodeCursor(u.username, u.id),
    );
  }

  /** Newest filing first; search by case number, court or a respondent's name as filed. */
  async executionCases(ctx: RequestContext, args: PageArgs, filter: CaseFilter) {
    requireOperation(ctx, 'Query.managedExecutionCases');
    checkFirst(args.first);
    const search = searchArgument(filter.search);
    const query = ctx.hub
      .getRepository(ExecutionCase)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.court', 'court')
      .orderBy('c.filed_on', 'DESC')
      .addOrderBy('c.id', 'DESC');
    if (search) {
      query.andWhere(
        `(c.case_no ILIKE :caseNo OR court.name ILIKE :term OR EXISTS (
           SELECT 1 FROM execution_case_respondent r JOIN subject s ON s.id = r.subject_id WHERE r.case_id = c.id AND s.name ILIKE :term))`,
        { caseNo: containing(normaliseCaseNo(search)), term: containing(search) },
      );
    }
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    const after = args.after ? decodeDateIdCursor(args.after) : null;
    return page(
      query,
      args,
      after && ['(c.filed_on, c.id) < (:filedOn::date, :id::uuid)', { filedOn: after[0], id: after[1] }],
      (rows) => managedExecutionCases(ctx.hub.manager, rows),
      (c) => encodeCursor(c.filedOn, c.id),
    );
  }

  /** Newest acceptance first; search by case number, ruling number, court or the debtor's name as filed. */
  async bankruptcyCases(ctx: RequestContext, args: PageArgs, filter: CaseFilter) {
    requireOperation(ctx, 'Query.managedBankruptcyCases');
    checkFirst(args.first);
    const search = searchArgument(filter.search);
    const query = ctx.hub
      .getRepository(BankruptcyCase)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.court', 'court')
      .innerJoinAndSelect('c.debtor', 'debtor')
      .orderBy('c.accepted_on', 'DESC')
      .addOrderBy('c.id', 'DESC');
    if (search) {
      query.andWhere('(c.case_no ILIKE :caseNo OR c.acceptance_ruling_no ILIKE :caseNo OR court.name ILIKE :term OR debtor.name ILIKE :term)', {
        caseNo: containing(normaliseCaseNo(search)),
        term: containing(search),
      });
    }
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    const after = args.after ? decodeDateIdCursor(args.after) : null;
    return page(
      query,
      args,
      after && ['(c.accepted_on, c.id) < (:acceptedOn::date, :id::uuid)', { acceptedOn: after[0], id: after[1] }],
      (rows) => managedBankruptcyCases(ctx.hub.manager, rows),
      (c) => encodeCursor(c.acceptedOn, c.id),
    );
  }
}

/** A page of execution cases in the operator's view, with three statements whatever the page size. */
async function managedExecutionCases(m: EntityManager, cases: ExecutionCase[]): Promise<ManagedExecutionCaseType[]> {
  if (cases.length === 0) return [];
  const ids = cases.map((c) => c.id);
  const respondents: Array<{ case_id: string; kind: 'PERSON' | 'ENTERPRISE'; name: string }> = await m.query(
    `SELECT r.case_id, s.kind, s.name FROM execution_case_respondent r JOIN subject s ON s.id = r.subject_id
      WHERE r.case_id = ANY($1::uuid[]) ORDER BY s.kind DESC, s.name`,
    [ids],
  );
  const clerkRows: Array<{ case_id: string; user_id: string }> = await m.query(
    `SELECT case_id, user_id FROM execution_case_clerk WHERE case_id = ANY($1::uuid[])`,
    [ids],
  );
  const clerkIds = [...new Set(clerkRows.map((k) => k.user_id))];
  const clerks = clerkIds.length
    ? await m
        .getRepository(User)
        .createQueryBuilder('u')
        .innerJoinAndSelect('u.organisation', 'o')
        .whereInIds(clerkIds)
        .orderBy('u.username')
        .getMany()
    : [];
  return cases.map((c) => {
    const assigned = new Set(clerkRows.filter((k) => k.case_id === c.id).map((k) => k.user_id));
    return {
      caseNo: c.caseNo,
      court: { code: c.court!.code, name: c.court!.name, kind: c.court!.kind },
      status: c.status,
      filedOn: c.filedOn,
      amountDue: c.amountDue,
      respondents: respondents.filter((r) => r.case_id === c.id).map((r) => ({ kind: r.kind, name: r.name })),
      clerks: clerks.filter((u) => assigned.has(u.id)).map(managedUser),
    };
  });
}

/** A page of bankruptcy cases in the operator's view, with one more statement for all their appointments. */
async function managedBankruptcyCases(m: EntityManager, cases: BankruptcyCase[]): Promise<ManagedBankruptcyCaseType[]> {
  if (cases.length === 0) return [];
  const appointments = await m
    .getRepository(AdministratorAppointment)
    .createQueryBuilder('a')
    .innerJoinAndSelect('a.firm', 'firm')
    .where('a.case_id = ANY(:ids::uuid[])', { ids: cases.map((c) => c.id) })
    .orderBy('a.valid_from', 'ASC')
    .addOrderBy('a.created_at', 'ASC')
    .getMany();
  return cases.map((c) => ({
    caseNo: c.caseNo,
    court: { code: c.court!.code, name: c.court!.name, kind: c.court!.kind },
    status: c.status,
    acceptedOn: c.acceptedOn,
    acceptanceRulingNo: c.acceptanceRulingNo,
    debtor: { kind: c.debtor!.kind, name: c.debtor!.name },
    appointments: appointments
      .filter((a) => a.caseId === c.id)
      .map((a) => ({
        firm: { code: a.firm!.code, name: a.firm!.name, kind: a.firm!.kind },
        decisionNo: a.decisionNo,
        validFrom: a.validFrom,
        validTo: a.validTo,
        ended: a.endedAt !== null,
      })),
    closing: closingOf(c),
  }));
}
