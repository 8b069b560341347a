import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { LocalDate } from '../schema/scalars';
import type { StatisticsGroup } from './statistics.service';
import { StatisticsGroupByEnum, StatisticsType, SupervisionFilter, SupervisionItemConnection } from './supervision.type';

@Resolver()
export class SupervisionResolver {
  @Query(() => SupervisionItemConnection, {
    nullable: true,
    description: 'Measures past their legal period, over-seizures in the registers and overdue agency answers, newest first (auditors).',
  })
  supervision(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => SupervisionFilter, { nullable: true }) filter: SupervisionFilter | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return ctx.services.supervision.list(ctx, filter, first, after);
  }

  @Query(() => StatisticsType, { nullable: true, description: 'Counts per court, agency or month for the joint meetings (auditors, the operator).' })
  statistics(
    @Ctx() ctx: RequestContext,
    @Arg('from', () => LocalDate) from: string,
    @Arg('to', () => LocalDate) to: string,
    @Arg('groupBy', () => StatisticsGroupByEnum) groupBy: StatisticsGroup,
  ) {
    return ctx.services.statistics.statistics(ctx, from, to, groupBy);
  }
}
