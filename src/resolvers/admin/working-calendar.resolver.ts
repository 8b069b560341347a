import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { CalendarDayKindEnum, CalendarDayType } from '../../schema/admin/working-calendar.type';
import { LocalDate } from '../../schema/scalars';

@Resolver()
export class WorkingCalendarResolver {
  @Mutation(() => CalendarDayType, {
    nullable: true,
    description:
      'ADMIN: set a public holiday (a weekday) or make-up working day (a weekend day) of the courts’ calendar; replaces what that date had.',
  })
  setCalendarDay(
    @Ctx() ctx: RequestContext,
    @Arg('date', () => LocalDate) date: string,
    @Arg('kind', () => CalendarDayKindEnum) kind: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
  ) {
    return ctx.services.admin.calendar.set(ctx, date, kind, note);
  }

  @Mutation(() => CalendarDayType, { nullable: true, description: 'ADMIN: withdraw a day the operator set; returns the day withdrawn.' })
  clearCalendarDay(@Ctx() ctx: RequestContext, @Arg('date', () => LocalDate) date: string) {
    return ctx.services.admin.calendar.clear(ctx, date);
  }

  @Query(() => [CalendarDayType], {
    nullable: true,
    description: 'The holidays and make-up working days in force in a year: the environment’s and the operator’s, the operator’s winning.',
  })
  workingCalendar(@Ctx() ctx: RequestContext, @Arg('year', () => Int) year: number) {
    return ctx.services.admin.calendar.year(ctx, year);
  }
}
