import { badUserInput } from '../schema/error-codes';

/** An optional date argument (already a real date by the LocalDate scalar). */
export function dateArgument(argument: string, value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw badUserInput(argument, 'a date YYYY-MM-DD');
  return value;
}

/** A court's code as in its case numbers: a province abbreviation and 2 or 4 digits (皖1524). */
export function courtCodeArgument(argument: string, value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const v = value.trim();
  if (!/^\p{Script=Han}(\d{2}|\d{4})$/u.test(v)) throw badUserInput(argument, 'a court code such as 皖1524');
  return v;
}
