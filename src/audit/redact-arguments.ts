const SECRET = /pass(word)?|secret|token|credential|private|signing/i;
const MAX_JSON = 4000;

/**
 * Arguments as recorded in an entry: secrets replaced, NUL characters (which jsonb refuses) removed, and the
 * whole cut down to a bounded size so that no argument can make an entry unwritable.
 */
export function redactArguments(args: Record<string, unknown>): Record<string, unknown> {
  const clean = scrub(args) as Record<string, unknown>;
  const size = JSON.stringify(clean).length;
  return size <= MAX_JSON ? clean : { truncated: true, size, keys: Object.keys(clean).slice(0, 20) };
}

function scrub(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[nested too deep]';
  if (typeof value === 'string') return value.replace(/\u0000/g, '');
  if (value === null || typeof value !== 'object') return typeof value === 'number' && !Number.isFinite(value) ? null : (value ?? null);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k.replace(/\u0000/g, ''), SECRET.test(k) ? '[redacted]' : scrub(v, depth + 1)]),
  );
}
