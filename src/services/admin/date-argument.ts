import { badUserInput } from '../../schema/error-codes';

/** Today's date in China (court dates are court-local). */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

/**
 * A LocalDate (already well-formed by its scalar) that is not in the future and, when given, lies in `year`. `now`
 * is the hub's clock (`runtime.clock.now()`), so a test that moves the clock moves "the future" with it.
 */
export function pastDateArgument(argument: string, date: string, now: Date, year?: number): string {
  if (date > chinaToday(now)) throw badUserInput(argument, 'must not be in the future');
  if (year !== undefined && Number(date.slice(0, 4)) !== year) throw badUserInput(argument, `must fall in ${year}, the year of the case number`);
  return date;
}
