import { badUserInput } from '../schema/error-codes';

export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first: number;
  after?: string | null;
}

export function checkFirst(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
}

/** Opaque keyset cursor over (sortKey, id). */
export function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

export function decodeCursor(cursor: string, argument = 'after'): [string, string] {
  if (cursor.length > 200) throw badUserInput(argument, 'not a cursor returned by this API');
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return value as [string, string];
    }
  } catch {
    // fall through
  }
  throw badUserInput(argument, 'not a cursor returned by this API');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** A (date, id) keyset cursor, checked before it reaches SQL: anything else is BAD_USER_INPUT, never a database error. */
export function decodeDateIdCursor(cursor: string, argument = 'after'): [string, string] {
  const [date, id] = decodeCursor(cursor, argument);
  if (!isCalendarDate(date) || !UUID.test(id)) throw badUserInput(argument, 'not a cursor returned by this API');
  return [date, id];
}

export function connectionOf<T>(rows: T[], first: number, cursorOf: (row: T) => string, totalCount: number) {
  const page = rows.slice(0, first);
  return {
    edges: page.map((node) => ({ node, cursor: cursorOf(node) })),
    pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? cursorOf(page[page.length - 1]) : null },
    totalCount,
  };
}
