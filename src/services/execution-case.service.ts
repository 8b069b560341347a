import { may } from '../auth/policy';
import { preparedStatement, runPrepared } from '../databases/prepared-statement';
import type { RequestContext } from '../context';
import { ExecutionCase } from '../entities/hub/execution-case.entity';
import { Organisation } from '../entities/hub/organisation.entity';
import { Subject } from '../entities/hub/subject.entity';
import { forbidden } from '../schema/error-codes';
import { caseNoArgument } from './case-number-argument';
import { checkFirst, connectionOf, decodeDateIdCursor, encodeCursor, type PageArgs } from './pagination';

interface CaseRow {
  id: string;
  case_no: string;
  court_id: string;
  status: ExecutionCase['status'];
  filed_on: string;
  amount_due: string;
  closed_at: Date | null;
  created_at: Date;
  court_code: string;
  court_name: string;
  court_kind: Organisation['kind'];
  court_source: string | null;
  court_disabled_at: Date | null;
  court_created_at: Date;
  respondents: Array<{ id: string; kind: Subject['kind']; idNumber: string; name: string }>;
}

/**
 * The active case the viewer is assigned to, with its court and its respondents (in the order the respondents'
 * loader gives them): one statement, prepared (its generic plan is used once PostgreSQL has settled on it). Dates and
 * amounts as text, as TypeORM hands them out.
 */
const CASE_FOR_VIEWER = preparedStatement(
  'case_for_viewer',
  `
  SELECT c.id, c.case_no, c.court_id, c.status, c.filed_on::text AS filed_on, c.amount_due::text AS amount_due,
         c.closed_at, c.created_at, o.code AS court_code, o.name AS court_name, o.kind AS court_kind,
         o.source AS court_source, o.disabled_at AS court_disabled_at, o.created_at AS court_created_at,
         (SELECT coalesce(json_agg(json_build_object('id', s.id, 'kind', s.kind, 'idNumber', s.id_number, 'name', s.name)
                                   ORDER BY s.kind DESC, s.name), '[]'::json)
            FROM execution_case_respondent r JOIN subject s ON s.id = r.subject_id WHERE r.case_id = c.id) AS respondents
    FROM execution_case c
    JOIN organisation o ON o.id = c.court_id
    JOIN execution_case_clerk k ON k.case_id = c.id AND k.user_id = $1
   WHERE c.case_no = $2 AND c.status IN ('ACTIVE', 'SUSPENDED')`,
);

/** Same words whether the case is missing, closed or someone else's: no existence leak. */
export const NO_CASE_ACCESS = 'You have no access to this case';

export class ExecutionCaseService {
  /**
   * The case if the viewer is a clerk assigned to it and it is active or suspended (中止: still read, to release its
   * measures; it takes no new order); FORBIDDEN otherwise.
   */
  async findForViewer(ctx: RequestContext, rawCaseNo: string): Promise<ExecutionCase> {
    const caseNo = caseNoArgument('caseNo', rawCaseNo, 'EXECUTION');
    if (!may(ctx.viewer, 'Query.executionCase')) throw forbidden(NO_CASE_ACCESS);
    const [row] = await runPrepared<CaseRow>(ctx.hub, CASE_FOR_VIEWER, [ctx.viewer.userId, caseNo]);
    if (!row) throw forbidden(NO_CASE_ACCESS);
    const court = Object.assign(new Organisation(), {
      id: row.court_id,
      code: row.court_code,
      name: row.court_name,
      kind: row.court_kind,
      source: row.court_source,
      disabledAt: row.court_disabled_at,
      createdAt: row.court_created_at,
    });
    const found = Object.assign(new ExecutionCase(), {
      id: row.id,
      caseNo: row.case_no,
      courtId: row.court_id,
      court,
      status: row.status,
      filedOn: row.filed_on,
      amountDue: row.amount_due,
      closedAt: row.closed_at,
      createdAt: row.created_at,
    });
    // The respondents came in the same statement: the request's loader has them when `respondents` is asked.
    ctx.hubLoaders.respondents.prime(
      found.id,
      row.respondents.map((r) => Object.assign(new Subject(), { id: r.id, kind: r.kind, idNumber: r.idNumber, name: r.name })),
    );
    return found;
  }

  async listForViewer(ctx: RequestContext, page: PageArgs, includeClosed: boolean) {
    checkFirst(page.first);
    if (!may(ctx.viewer, 'Query.myExecutionCases')) throw forbidden('Your role has no execution cases');
    const base = this.assigned(ctx);
    if (!includeClosed) base.andWhere("c.status IN ('ACTIVE', 'SUSPENDED')");
    const totalCount = await base.clone().getCount();
    const query = base
      .orderBy('c.filed_on', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(page.first + 1);
    if (page.after) {
      const [filedOn, id] = decodeDateIdCursor(page.after);
      query.andWhere('(c.filed_on, c.id) < (:filedOn::date, :id::uuid)', { filedOn, id });
    }
    const rows = await query.getMany();
    return connectionOf(rows, page.first, (c) => encodeCursor(c.filedOn, c.id), totalCount);
  }

  private assigned(ctx: RequestContext) {
    return ctx.hub
      .getRepository(ExecutionCase)
      .createQueryBuilder('c')
      .innerJoinAndSelect('c.court', 'court')
      .innerJoin('execution_case_clerk', 'k', 'k.case_id = c.id AND k.user_id = :userId', { userId: ctx.viewer.userId });
  }
}
