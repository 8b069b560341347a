import { CALENDAR_DAY_KINDS, CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR, mergeCalendar, type CalendarDayRow } from '../../bankruptcy/working-calendar';
import type { BankruptcyConfig } from '../../config';
import type { RequestContext } from '../../context';
import type { CalendarDayType } from '../../schema/admin/working-calendar.type';
import { badUserInput, notFound } from '../../schema/error-codes';
import { requireOperation } from './require-operation';
import { textArgument } from './text-argument';

function calendarYear(argument: string, year: number): number {
  if (!Number.isInteger(year) || year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR)
    throw badUserInput(argument, `must be a year from ${CALENDAR_FIRST_YEAR} to ${CALENDAR_LAST_YEAR}`);
  return year;
}

/** A LocalDate (well-formed by its scalar) in the calendar's years. */
function calendarDate(argument: string, date: string): string {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw badUserInput(argument, 'must be a date written YYYY-MM-DD');
  calendarYear(argument, Number(date.slice(0, 4)));
  return date;
}

/**
 * The courts' working calendar (README "Bankruptcy coordination → Release tasks"): the operator sets the State
 * Council's holidays and make-up working days; release tasks created afterwards count their working days over them.
 */
export class WorkingCalendarAdminService {
  constructor(private readonly config: Pick<BankruptcyConfig, 'holidays' | 'makeupWorkdays'>) {}

  async set(ctx: RequestContext, rawDate: string, kind: string, rawNote: string | null | undefined): Promise<CalendarDayType> {
    requireOperation(ctx, 'Mutation.setCalendarDay');
    const date = calendarDate('date', rawDate);
    if (!(CALENDAR_DAY_KINDS as readonly string[]).includes(kind)) throw badUserInput('kind', 'must be HOLIDAY or MAKEUP_WORKDAY');
    const note = rawNote === null || rawNote === undefined || rawNote.trim() === '' ? null : textArgument('note', rawNote, { max: 100 });
    const [row] = (await ctx.hub.query(
      `INSERT INTO working_calendar (date, kind, note, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, note = EXCLUDED.note, updated_at = now()
       RETURNING date::text AS date, kind, note`,
      [date, kind, note],
    )) as CalendarDayRow[];
    return { ...row, source: 'OPERATOR' };
  }

  async clear(ctx: RequestContext, rawDate: string): Promise<CalendarDayType> {
    requireOperation(ctx, 'Mutation.clearCalendarDay');
    const date = calendarDate('date', rawDate);
    const [rows] = (await ctx.hub.query(`DELETE FROM working_calendar WHERE date = $1 RETURNING date::text AS date, kind, note`, [date])) as [
      CalendarDayRow[],
      number,
    ];
    if (!rows || rows.length === 0) throw notFound(`The operator has set no calendar day on ${date}`);
    return { ...rows[0], source: 'OPERATOR' };
  }

  /** The year's days in force, oldest first: the environment's and the operator's, the operator's winning. */
  async year(ctx: RequestContext, rawYear: number): Promise<CalendarDayType[]> {
    requireOperation(ctx, 'Query.workingCalendar');
    const year = calendarYear('year', rawYear);
    const table = (await ctx.hub.query(`SELECT date::text AS date, kind, note FROM working_calendar WHERE date BETWEEN $1 AND $2 ORDER BY date`, [
      `${year}-01-01`,
      `${year}-12-31`,
    ])) as CalendarDayRow[];
    const inYear = (d: string) => d.startsWith(`${year}-`);
    const config = this.config;
    const merged = mergeCalendar({ holidays: config.holidays.filter(inYear), makeupWorkdays: config.makeupWorkdays.filter(inYear) }, table);
    const operator = new Map(table.map((d) => [d.date, d]));
    const days: CalendarDayType[] = [
      ...merged.holidays.map((date) => ({ date, kind: 'HOLIDAY' })),
      ...(merged.makeupWorkdays ?? []).map((date) => ({ date, kind: 'MAKEUP_WORKDAY' })),
    ].map((d) => {
      const set = operator.get(d.date);
      return set ? { ...set, source: 'OPERATOR' } : { ...d, note: null, source: 'ENVIRONMENT' };
    });
    return days.sort((a, b) => (a.date < b.date ? -1 : 1));
  }
}
