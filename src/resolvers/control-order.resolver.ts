import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { ExecutionCaseType } from '../schema/case.type';
import { Decimal } from '../schema/scalars';
import {
  AnswerAssistanceInput,
  AssistanceReceiptType,
  AssistanceRequestConnection,
  ControlOrderConnection,
  ControlOrderEventType,
  ControlOrderType,
  DraftControlOrderInput,
  FollowUpInputType,
  InboxStateEnum,
  NotificationConnection,
} from '../schema/control.type';

@Resolver(() => ControlOrderType)
export class ControlOrderResolver {
  @Mutation(() => ControlOrderType, {
    nullable: true,
    description: 'A clerk drafts a seizure, freeze or deduction on an asset of a respondent of their active case.',
  })
  draftControlOrder(@Ctx() ctx: RequestContext, @Arg('input', () => DraftControlOrderInput) input: DraftControlOrderInput) {
    return ctx.services.controlOrders.draft(ctx, input);
  }

  @Mutation(() => ControlOrderType, { nullable: true, description: 'DRAFT → PENDING_APPROVAL, after the over-seizure check.' })
  submitControlOrder(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.services.controlOrders.submit(ctx, id);
  }

  @Mutation(() => ControlOrderType, {
    nullable: true,
    description: "The court's approver: PENDING_APPROVAL → SENT (delivery queued in the same transaction).",
  })
  approveControlOrder(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.services.controlOrders.approve(ctx, id);
  }

  @Mutation(() => ControlOrderType, { nullable: true })
  rejectControlOrder(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('reason') reason: string) {
    return ctx.services.controlOrders.reject(ctx, id, reason);
  }

  @Mutation(() => ControlOrderType, { nullable: true, description: 'A renewal (续行) of a measure before it ends: a new order, pending approval.' })
  renewControlOrder(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => FollowUpInputType) input: FollowUpInputType) {
    return ctx.services.controlOrders.followUp(ctx, id, 'RENEW', input);
  }

  @Mutation(() => ControlOrderType, { nullable: true, description: 'A release (解除) of a measure: a new order, pending approval.' })
  releaseControlOrder(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => FollowUpInputType) input: FollowUpInputType) {
    return ctx.services.controlOrders.followUp(ctx, id, 'RELEASE', input);
  }

  @Query(() => ControlOrderType, { nullable: true })
  controlOrder(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.services.controlOrders.find(ctx, id);
  }

  @Query(() => ControlOrderConnection, { nullable: true, description: "Orders of the approver's court waiting for approval, oldest first." })
  approvalQueue(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return ctx.services.controlOrders.approvalQueue(ctx, { first, after });
  }

  @Query(() => ControlOrderConnection, {
    nullable: true,
    description:
      "Orders sent to an agency that has not answered within ASSISTANCE_ANSWER_DAYS days, oldest sent first: the approver's court's, the clerk's cases'.",
  })
  overdueControlOrders(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return ctx.services.controlOrders.overdue(ctx, { first, after });
  }

  @FieldResolver(() => [ControlOrderEventType], { nullable: true })
  history(@Root() order: ControlOrderType, @Ctx() ctx: RequestContext) {
    return ctx.services.controlOrders.history(order.id, ctx);
  }

  @FieldResolver(() => ControlOrderType, { nullable: true, description: 'Deductions: the freeze order they draw on.' })
  freezeOrder(@Root() order: ControlOrderType, @Ctx() ctx: RequestContext) {
    return ctx.services.controlOrders.freezeOrder(ctx, order);
  }

  @FieldResolver(() => Decimal, { nullable: true, description: 'Freezes and their renewals: what deductions carried out took from the freeze.' })
  amountDeducted(@Root() order: ControlOrderType, @Ctx() ctx: RequestContext) {
    return ctx.services.controlOrders.amountDeducted(ctx, order);
  }

  @FieldResolver(() => Date, { nullable: true, description: "When the agency's answer falls due (sent + ASSISTANCE_ANSWER_DAYS days)." })
  answerDueAt(@Root() order: ControlOrderType, @Ctx() ctx: RequestContext) {
    return ctx.services.controlOrders.answerDueAt(order);
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Sent, unanswered, and past its answer date.' })
  answerOverdue(@Root() order: ControlOrderType, @Ctx() ctx: RequestContext) {
    return ctx.services.controlOrders.answerOverdue({ ...order, state: order.state as never });
  }

  @Query(() => AssistanceRequestConnection, { nullable: true, description: "The requests delivered to the viewer's agency, oldest first." })
  assistanceInbox(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('state', () => InboxStateEnum, { nullable: true }) state: 'PENDING' | 'ANSWERED' | null,
  ) {
    return ctx.services.assistance.inbox(ctx, { first, after }, state ?? null);
  }

  @Mutation(() => AssistanceReceiptType, { nullable: true, description: 'An agency user answers a request by hand; a second answer is a CONFLICT.' })
  answerAssistanceRequest(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => AnswerAssistanceInput) input: AnswerAssistanceInput,
  ) {
    return ctx.services.assistance.answer(ctx, id, input);
  }

  @Query(() => NotificationConnection, { nullable: true, description: "The viewer's notifications, newest first." })
  notifications(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
  ) {
    return ctx.services.notifications.list(ctx, { first, after }, unreadOnly);
  }

  @Mutation(() => Int, { nullable: true, description: 'Marks these notifications read; returns how many changed.' })
  markNotificationsRead(@Ctx() ctx: RequestContext, @Arg('ids', () => [ID]) ids: string[]) {
    return ctx.services.notifications.markRead(ctx, ids);
  }
}

@Resolver(() => ExecutionCaseType)
export class ExecutionCaseControlResolver {
  @FieldResolver(() => [ControlOrderType], { nullable: true, description: "The case's control orders, oldest first." })
  controlOrders(@Root() c: ExecutionCaseType, @Ctx() ctx: RequestContext) {
    return ctx.services.controlOrders.ofCase(ctx, c.id);
  }
}
