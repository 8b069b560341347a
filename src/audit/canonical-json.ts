/**
 * Deterministic JSON: object keys sorted (by UTF-16 code units), no whitespace, arrays in order, `undefined` as null.
 * The same value always serialises to the same bytes, whichever process wrote it and whether it was read back
 * from jsonb (which reorders keys) or not.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const keys = Object.keys(value as Record<string, unknown>).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  return JSON.stringify(value);
}

/** A text value as JSON: its JSON string, or `null`. */
export const jsonString = (v: string | null | undefined): string => (v === null || v === undefined ? 'null' : JSON.stringify(v));
