import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { dateOf } from '../control/clock';
import { isTransferOverdue, type TransferRow, type TransferState } from '../bankruptcy/transfer';
import type { RequestContext } from '../context';
import {
  AcceptBankruptcyTransferInput,
  BankruptcyTransferConnection,
  BankruptcyTransferType,
  ExecutionSuspensionType,
  OutsideReleaseInput,
  OverdueReleaseTaskConnection,
  ProposeBankruptcyTransferInput,
  ReleaseFromTaskInput,
  ReleaseTaskConnection,
  ReleaseTaskType,
  SuspendedExecutionType,
  TransferStateEnum,
} from '../schema/bankruptcy.type';
import { BankruptcyCaseType, ExecutionCaseType } from '../schema/case.type';

function transferView(ctx: RequestContext, t: TransferRow) {
  return { ...t, overdue: isTransferOverdue(t, dateOf(ctx.services.bankruptcy.runtime.clock.now())) };
}

@Resolver(() => BankruptcyCaseType)
export class BankruptcyCaseCoordinationResolver {
  @FieldResolver(() => [ReleaseTaskType], {
    nullable: true,
    description: 'The measures on the debtor found by the acceptance sweep, their release and hand-over; earliest due first.',
  })
  releaseTasks(@Root() c: BankruptcyCaseType, @Ctx() ctx: RequestContext) {
    return ctx.services.bankruptcy.ofCase(ctx, c.id);
  }

  @FieldResolver(() => [SuspendedExecutionType], {
    nullable: true,
    description: 'The execution cases against the debtor this acceptance suspended (中止).',
  })
  suspendedExecutions(@Root() c: BankruptcyCaseType, @Ctx() ctx: RequestContext) {
    return ctx.services.bankruptcy.suspendedExecutions(ctx, c.id);
  }
}

@Resolver(() => ExecutionCaseType)
export class ExecutionCaseSuspensionResolver {
  @FieldResolver(() => ExecutionSuspensionType, { nullable: true, description: 'Why the case is SUSPENDED; null when it is not.' })
  suspension(@Root() c: ExecutionCaseType, @Ctx() ctx: RequestContext) {
    return ctx.services.bankruptcy.suspensionOf(ctx, c.id);
  }
}

@Resolver(() => BankruptcyTransferType)
export class BankruptcyCoordinationResolver {
  @Query(() => ReleaseTaskConnection, {
    nullable: true,
    description: "Release tasks addressed to the clerk's court (hub measures of their own cases, outside measures); earliest due first.",
  })
  async releaseTasks(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return ctx.services.bankruptcy.clerkTasks(ctx, { first, after });
  }

  @Query(() => OverdueReleaseTaskConnection, { nullable: true, description: 'Release tasks past their due date and not released (supervision).' })
  overdueReleaseTasks(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return ctx.services.bankruptcy.overdueTasks(ctx, { first, after });
  }

  @Mutation(() => ReleaseTaskType, {
    nullable: true,
    description: 'The clerk of the ordering case releases a hub measure in one action: a release order, pending approval.',
  })
  releaseFromTask(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ReleaseFromTaskInput, { nullable: true }) input: ReleaseFromTaskInput | null,
  ) {
    return ctx.services.bankruptcy.releaseFromTask(ctx, id, input);
  }

  @Mutation(() => ReleaseTaskType, { nullable: true, description: "A measure made outside the hub, released on paper: the registry's receipt." })
  recordOutsideRelease(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => OutsideReleaseInput) input: OutsideReleaseInput,
  ) {
    return ctx.services.bankruptcy.recordOutsideRelease(ctx, id, input);
  }

  @Mutation(() => BankruptcyTransferType, {
    nullable: true,
    description: 'The assigned clerk proposes moving the execution of an enterprise respondent into bankruptcy (执转破); the execution is suspended.',
  })
  async proposeBankruptcyTransfer(
    @Ctx() ctx: RequestContext,
    @Arg('caseNo') caseNo: string,
    @Arg('input', () => ProposeBankruptcyTransferInput) input: ProposeBankruptcyTransferInput,
  ) {
    return transferView(ctx, await ctx.services.bankruptcy.transfers.propose(ctx, caseNo, input));
  }

  @Query(() => BankruptcyTransferConnection, { nullable: true, description: "Transfers addressed to the judge's court, oldest first." })
  async bankruptcyTransfers(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('state', () => TransferStateEnum, { nullable: true }) state: TransferState | null,
  ) {
    const page = await ctx.services.bankruptcy.transfers.list(ctx, { first, after }, state ?? null);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: transferView(ctx, e.node) })) };
  }

  @Mutation(() => BankruptcyTransferType, {
    nullable: true,
    description: 'The tribunal accepts: the bankruptcy case is opened and the acceptance sweep runs; an administrator may be appointed with it.',
  })
  async acceptBankruptcyTransfer(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => AcceptBankruptcyTransferInput) input: AcceptBankruptcyTransferInput,
  ) {
    return transferView(ctx, await ctx.services.bankruptcy.transfers.accept(ctx, id, input));
  }

  @Mutation(() => BankruptcyTransferType, {
    nullable: true,
    description: 'The tribunal returns the transfer with its reasons; the execution resumes.',
  })
  async returnBankruptcyTransfer(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('reason') reason: string) {
    return transferView(ctx, await ctx.services.bankruptcy.transfers.return(ctx, id, reason));
  }
}
