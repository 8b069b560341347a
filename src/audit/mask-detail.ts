import { maskIdNumber } from '../auth/masking/mask-id-number';
import { maskName } from '../auth/masking/mask-name';
import { outcomeFor } from '../auth/policy';
import type { Role } from '../entities/hub/user.entity';

// A resident ID (18 or the old 15 characters) or a unified social credit code, alone or inside longer text: a run
// of 15 to 18 letters and digits, at least six of them digits.
const IDENTIFIER = /(?<![0-9A-Za-z])(?=(?:[A-Za-z]*\d){6})[0-9A-Za-z]{15,18}(?![0-9A-Za-z])/g;
const RESIDENT_ID = /^(\d{15}|\d{17}[\dXx])$/;
const NAME_KEYS = new Set(['name', 'displayName']);

const maskText = (text: string): string => text.replace(IDENTIFIER, maskIdNumber);

function mask(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return maskText(value);
  if (value === null || typeof value !== 'object' || depth > 16) return value;
  if (Array.isArray(value)) return value.map((v) => mask(v, depth + 1));
  const entries = Object.entries(value as Record<string, unknown>);
  // An object that names a natural person by resident ID (a respondent as filed) has that person's name beside it.
  const person = entries.some(([, v]) => typeof v === 'string' && RESIDENT_ID.test(v.trim()));
  return Object.fromEntries(entries.map(([k, v]) => [k, person && NAME_KEYS.has(k) && typeof v === 'string' ? maskName(v) : mask(v, depth + 1)]));
}

/**
 * An entry's detail (operation arguments, messages) as the viewer may see it: with the masks the policy applies to
 * the entry's own subject identifier. Where the role sees that identifier masked, every ID number or credit code in
 * the detail is masked the same way and the names of persons filed with a resident ID are cut to their surname.
 * The entry keeps the full values (the hash covers them); only what is shown changes.
 */
export function detailFor(role: Role, detail: Record<string, unknown> | null): string | null {
  if (detail === null || detail === undefined) return null;
  const shown = outcomeFor(role, 'AuditEntry.subjectIdNumber') === 'ALLOW' ? detail : mask(detail, 0);
  return JSON.stringify(shown);
}
