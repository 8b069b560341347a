import { Field, ObjectType } from 'type-graphql';
import { CALENDAR_DAY_KINDS } from '../../bankruptcy/working-calendar';
import { enumOf } from '../enum-of';
import { LocalDate } from '../scalars';

export const CalendarDayKindEnum = enumOf(
  CALENDAR_DAY_KINDS,
  'CalendarDayKind',
  'HOLIDAY (no working day, even on a weekday) or MAKEUP_WORKDAY (a weekend day worked in exchange, 调休).',
);
export const CalendarDaySourceEnum = enumOf(
  ['ENVIRONMENT', 'OPERATOR'] as const,
  'CalendarDaySource',
  'ENVIRONMENT (HOLIDAYS / MAKEUP_WORKDAYS) or OPERATOR (setCalendarDay; wins where both name a day).',
);

@ObjectType('CalendarDay', { description: 'A day of the courts’ working calendar that differs from the Monday-to-Friday week.' })
export class CalendarDayType {
  @Field(() => LocalDate) date!: string;
  @Field(() => CalendarDayKindEnum) kind!: string;
  @Field(() => String, { nullable: true, description: 'The operator’s note, e.g. the holiday’s name.' }) note!: string | null;
  @Field(() => CalendarDaySourceEnum) source!: string;
}
