/** Whether a database error is a unique-constraint violation (a concurrent duplicate that slipped past the check). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } } | null;
  return e?.code === '23505' || e?.driverError?.code === '23505';
}
