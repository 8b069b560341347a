/** A code that says what went wrong without repeating anything from the query. */
export function failureCode(error: unknown): string {
  const e = error as { code?: unknown; name?: unknown } | null;
  if (e && typeof e.code === 'string') return e.code;
  if (e && typeof e.name === 'string') return e.name;
  return 'UNKNOWN';
}
