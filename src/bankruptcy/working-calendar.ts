import type { DataSource, EntityManager } from 'typeorm';
import type { BankruptcyConfig } from '../config';
import type { WorkingCalendar } from './working-days';

export const CALENDAR_DAY_KINDS = ['HOLIDAY', 'MAKEUP_WORKDAY'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/** A day of the operator's calendar (table working_calendar). */
export interface CalendarDayRow {
  date: string;
  kind: CalendarDayKind;
  note: string | null;
}

/** The years the calendar takes: the State Council publishes each year's holidays late in the year before. */
export const CALENDAR_FIRST_YEAR = 2000;
export const CALENDAR_LAST_YEAR = 2099;

/** The operator's days from `from` on (due dates look forward only), oldest first. */
export async function calendarDaysFrom(db: DataSource | EntityManager, from: string): Promise<CalendarDayRow[]> {
  return (await db.query(`SELECT date::text AS date, kind, note FROM working_calendar WHERE date >= $1 ORDER BY date`, [from])) as CalendarDayRow[];
}

/**
 * The working calendar in force: the environment's HOLIDAYS and MAKEUP_WORKDAYS plus the operator's table; where both
 * name a day, the table wins (a holiday set by the operator is off even if MAKEUP_WORKDAYS lists it, and the reverse).
 */
export function mergeCalendar(config: Pick<BankruptcyConfig, 'holidays' | 'makeupWorkdays'>, days: readonly CalendarDayRow[]): WorkingCalendar {
  const table = new Map(days.map((d) => [d.date, d.kind]));
  const holidays = new Set(config.holidays.filter((d) => table.get(d) !== 'MAKEUP_WORKDAY'));
  const makeupWorkdays = new Set(config.makeupWorkdays.filter((d) => table.get(d) !== 'HOLIDAY'));
  for (const [date, kind] of table) (kind === 'HOLIDAY' ? holidays : makeupWorkdays).add(date);
  return { holidays: [...holidays], makeupWorkdays: [...makeupWorkdays] };
}
