import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { ManagedBankruptcyCaseType } from '../schema/admin/managed.type';
import {
  AnswerCreditRepairInput,
  BankruptcyClaimType,
  BankruptcyReceiptType,
  BankruptcyRequestConnection,
  BankruptcyRequestStateEnum,
  FileClaimInput,
  CreditRepairInput,
  CreditRepairRequestType,
  ReorganisationPlanApprovalInput,
  ReorganisationPlanType,
} from '../schema/bankruptcy-coordination.type';
import { BankruptcyCaseType } from '../schema/case.type';

@Resolver(() => BankruptcyCaseType)
export class BankruptcyClaimsResolver {
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

  @Query(() => BankruptcyRequestConnection, {
    nullable: true,
    description: "Claim notices and credit-repair requests delivered to the viewer's agency, oldest first.",
  })
  bankruptcyInbox(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('state', () => BankruptcyRequestStateEnum, { nullable: true }) state: 'PENDING' | 'ANSWERED' | null,
  ) {
    return ctx.services.bankruptcyInbox.inbox(ctx, { first, after }, state ?? null);
  }

  @Mutation(() => BankruptcyReceiptType, { nullable: true, description: 'An agency files its claim by hand; a second answer is a CONFLICT.' })
  fileClaim(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => FileClaimInput) input: FileClaimInput) {
    return ctx.services.bankruptcyInbox.fileClaim(ctx, id, input);
  }

  @Mutation(() => BankruptcyReceiptType, {
    nullable: true,
    description: 'An agency grants or refuses a credit repair by hand; a second answer is a CONFLICT.',
  })
  answerCreditRepair(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => AnswerCreditRepairInput) input: AnswerCreditRepairInput,
  ) {
    return ctx.services.bankruptcyInbox.answerCreditRepair(ctx, id, input);
  }
}
