import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { ManagedBankruptcyCaseType } from '../schema/admin/managed.type';
import {
  BankruptcyClaimType,
  CreditRepairInput,
  CreditRepairRequestType,
  ReorganisationPlanApprovalInput,
  ReorganisationPlanType,
} from '../schema/bankruptcy-coordination.type';
import { BankruptcyCaseType } from '../schema/case.type';

@Resolver(() => BankruptcyCaseType)
export class BankruptcyCoordinationResolver {
  @FieldResolver(() => [BankruptcyClaimType], { nullable: true, description: "The tax and social-security agencies' claims, with their states." })
  claims(@Root() c: BankruptcyCaseType, @Ctx() ctx: RequestContext) {
    return ctx.services.claims.ofCase(ctx, c.id);
  }

  @FieldResolver(() => [CreditRepairRequestType], { nullable: true, description: 'Credit-repair requests, oldest first, with each agency’s state.' })
  creditRepairRequests(@Root() c: BankruptcyCaseType, @Ctx() ctx: RequestContext) {
    return ctx.services.creditRepair.ofCase(ctx, c.id);
  }

  @FieldResolver(() => ReorganisationPlanType, { nullable: true, description: 'The approved reorganisation plan, once recorded.' })
  reorganisationPlan(@Root() c: BankruptcyCaseType, @Ctx() ctx: RequestContext) {
    return ctx.services.creditRepair.planOf(ctx, c.id);
  }

  @Mutation(() => BankruptcyClaimType, { nullable: true, description: 'The administrator confirms a filed claim: FILED → CONFIRMED.' })
  confirmClaim(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.services.claims.confirm(ctx, id);
  }

  @Mutation(() => BankruptcyClaimType, {
    nullable: true,
    description: 'The administrator disputes a filed claim, with the reason: FILED → DISPUTED.',
  })
  disputeClaim(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('reason') reason: string) {
    return ctx.services.claims.dispute(ctx, id, reason);
  }

  @Mutation(() => ManagedBankruptcyCaseType, {
    nullable: true,
    description: 'ADMIN: record the ruling approving the reorganisation plan; the case becomes REORGANISATION.',
  })
  recordReorganisationPlanApproval(
    @Ctx() ctx: RequestContext,
    @Arg('caseNo') caseNo: string,
    @Arg('input', () => ReorganisationPlanApprovalInput) input: ReorganisationPlanApprovalInput,
  ) {
    return ctx.services.creditRepair.recordPlanApproval(ctx, caseNo, input);
  }

  @Mutation(() => CreditRepairRequestType, {
    nullable: true,
    description: 'The administrator asks the credit platform and the tax authority to repair the debtor’s credit after the plan’s approval.',
  })
  requestCreditRepair(@Ctx() ctx: RequestContext, @Arg('caseNo') caseNo: string, @Arg('input', () => CreditRepairInput) input: CreditRepairInput) {
    return ctx.services.creditRepair.request(ctx, caseNo, input);
  }
}
