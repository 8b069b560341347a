import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { bindSubject } from '../services/bind-subject';
import { ExecutionCaseConnection, ExecutionCaseType } from '../schema/case.type';
import { forbidden } from '../schema/error-codes';
import { SubjectView } from '../schema/subject.type';
import { NO_CASE_ACCESS } from '../services/execution-case.service';

@Resolver(() => ExecutionCaseType)
export class ExecutionCaseResolver {
  @Query(() => ExecutionCaseConnection, { nullable: true, description: "The viewer's assigned execution cases, newest first." })
  myExecutionCases(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('includeClosed', { defaultValue: false, description: 'Also list closed cases (their parties stay unreadable).' })
    includeClosed: boolean,
  ) {
    return ctx.services.executionCases.listForViewer(ctx, { first, after }, includeClosed);
  }

  @Query(() => ExecutionCaseType, {
    nullable: true,
    description: 'An active or suspended (中止) execution case assigned to the viewer. FORBIDDEN for any other case, existing or not.',
  })
  executionCase(@Ctx() ctx: RequestContext, @Arg('caseNo') caseNo: string) {
    return ctx.services.executionCases.findForViewer(ctx, caseNo);
  }

  @FieldResolver(() => [SubjectView], {
    nullable: true,
    description: 'The respondents (被执行人), readable while the case is active or suspended (中止) and within the per-user subject-read limit.',
  })
  async respondents(@Root() c: ExecutionCaseType, @Ctx() ctx: RequestContext): Promise<SubjectView[]> {
    if (c.status !== 'ACTIVE' && c.status !== 'SUSPENDED') throw forbidden(NO_CASE_ACCESS);
    const subjects = await ctx.hubLoaders.respondents.load(c.id);
    ctx.services.subjectReads.take(
      ctx,
      ctx.viewer.userId,
      subjects.map((s) => s.id),
    );
    return subjects.map((s) => bindSubject(s, { kind: 'EXECUTION', caseId: c.id, caseNo: c.caseNo }));
  }
}
