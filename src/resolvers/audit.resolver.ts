import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import {
  AuditAlertType,
  AuditCheckpointType,
  AuditEntryConnection,
  AuditEntryFilter,
  AuditPublicKeyType,
  AuditVerificationType,
} from '../schema/audit.type';

@Resolver()
export class AuditResolver {
  @Query(() => AuditEntryConnection, { nullable: true, description: 'Audit entries, newest first (auditors).' })
  auditEntries(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AuditEntryFilter, { nullable: true }) filter: AuditEntryFilter | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return ctx.services.audit.entries(ctx, filter, first, after);
  }

  @Query(() => AuditEntryConnection, {
    nullable: true,
    description: 'Who read this person or enterprise, when, and under which case, newest first (auditors).',
  })
  subjectAccessHistory(
    @Ctx() ctx: RequestContext,
    @Arg('subjectId', { description: 'Resident ID or unified social credit code.' }) subjectId: string,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return ctx.services.audit.subjectHistory(ctx, subjectId, first, after);
  }

  @Query(() => [AuditAlertType], {
    nullable: true,
    description: 'Entries flagged by the alert rules in a window (default: the last 7 days; at most 92).',
  })
  auditAlerts(
    @Ctx() ctx: RequestContext,
    @Arg('since', () => Date, { nullable: true }) since: Date | null,
    @Arg('until', () => Date, { nullable: true }) until: Date | null,
  ) {
    return ctx.services.audit.alerts(ctx, since, until);
  }

  @Query(() => AuditVerificationType, {
    nullable: true,
    description:
      'Verifies the chain and its checkpoints over a range of sequence numbers and/or of time (entries with from <= at < to; default: all of it).',
  })
  verifyAuditLog(
    @Ctx() ctx: RequestContext,
    @Arg('fromSeq', () => String, { nullable: true }) fromSeq: string | null,
    @Arg('toSeq', () => String, { nullable: true }) toSeq: string | null,
    @Arg('from', () => Date, { nullable: true }) from: Date | null,
    @Arg('to', () => Date, { nullable: true }) to: Date | null,
  ) {
    return ctx.services.audit.verify(ctx, fromSeq, toSeq, from, to);
  }

  @Query(() => AuditPublicKeyType, { nullable: true, description: 'The public key that verifies audit checkpoints.' })
  auditPublicKey(@Ctx() ctx: RequestContext) {
    return ctx.services.audit.publicKey(ctx);
  }

  @Query(() => [AuditCheckpointType], { nullable: true, description: 'The latest signed checkpoints, newest first.' })
  auditCheckpoints(@Ctx() ctx: RequestContext, @Arg('first', () => Int, { defaultValue: 20 }) first: number) {
    return ctx.services.audit.checkpoints(ctx, first);
  }

  @Mutation(() => AuditCheckpointType, { nullable: true, description: 'Signs the current head now (null while the log is empty).' })
  createAuditCheckpoint(@Ctx() ctx: RequestContext) {
    return ctx.services.audit.createCheckpoint(ctx);
  }
}
