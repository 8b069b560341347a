import { may } from '../auth/policy';
import type { RequestContext } from '../context';
import { ExecutionCase } from '../entities/hub/execution-case.entity';
import { forbidden } from '../schema/error-codes';
import { caseNoArgument } from './case-number-argument';
import { checkFirst, connectionOf, decodeDateIdCursor, encodeCursor, type PageArgs } from './pagination';

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
    const found = await this.assigned(ctx).andWhere('c.case_no = :caseNo', { caseNo }).andWhere("c.status IN ('ACTIVE', 'SUSPENDED')").getOne();
    if (!found) throw forbidden(NO_CASE_ACCESS);
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
