import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { bindSubject } from '../services/bind-subject';
import type { BoundBankruptcyCase } from '../services/bankruptcy-case.service';
import { BankruptcyCaseConnection, BankruptcyCaseType } from '../schema/case.type';
import { SubjectView } from '../schema/subject.type';

function toType({ bankruptcyCase: c, appointment: a }: BoundBankruptcyCase): BankruptcyCaseType {
  return {
    id: c.id,
    debtorId: c.debtorId,
    caseNo: c.caseNo,
    court: c.court!,
    status: c.status,
    acceptedOn: c.acceptedOn,
    acceptanceRulingNo: c.acceptanceRulingNo,
    appointment: { firm: a.firm!, decisionNo: a.decisionNo, validFrom: a.validFrom, validTo: a.validTo },
  };
}

@Resolver(() => BankruptcyCaseType)
export class BankruptcyCaseResolver {
  @Query(() => BankruptcyCaseConnection, { nullable: true, description: "Bankruptcy cases the viewer's firm is validly appointed to." })
  async myBankruptcyCases(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    const page = await ctx.services.bankruptcyCases.listForViewer(ctx, { first, after });
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toType(e.node) })) };
  }

  @Query(() => BankruptcyCaseType, {
    nullable: true,
    description: "A bankruptcy case the viewer's firm is validly appointed to. FORBIDDEN for any other case, existing or not.",
  })
  async bankruptcyCase(@Ctx() ctx: RequestContext, @Arg('caseNo') caseNo: string) {
    return toType(await ctx.services.bankruptcyCases.findForViewer(ctx, caseNo));
  }

  @FieldResolver(() => SubjectView, { nullable: true, description: 'The debtor enterprise, readable within the per-user subject-read limit.' })
  async debtor(@Root() c: BankruptcyCaseType, @Ctx() ctx: RequestContext): Promise<SubjectView> {
    ctx.services.subjectReads.take(ctx, ctx.viewer.userId, [c.debtorId]);
    const subject = await ctx.hubLoaders.subjects.load(c.debtorId);
    return bindSubject(subject!, { kind: 'BANKRUPTCY', caseId: c.id, caseNo: c.caseNo });
  }
}
