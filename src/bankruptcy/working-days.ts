import { addDays } from '../control/clock';

/** The courts' calendar: Saturdays and Sundays off, public holidays off, make-up working days (调休) on. */
export interface WorkingCalendar {
  holidays: readonly string[];
  makeupWorkdays?: readonly string[];
}

/** Is `date` (`YYYY-MM-DD`) a working day? */
export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  if (calendar.makeupWorkdays?.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The day a period of `days` working days starting after `from` ends: the `days`-th working day after `from`
 * (a task created on Friday and due in ten working days is due on the second Friday after).
 */
export function addWorkingDays(from: string, days: number, calendar: WorkingCalendar): string {
  let date = from;
  for (let counted = 0; counted < days;) {
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) counted++;
  }
  return date;
}
