import { badUserInput } from '../../schema/error-codes';

export interface TextRule {
  max: number;
  min?: number;
  /** Whole-value pattern, with a hint saying what it allows. */
  pattern?: [RegExp, string];
}

// C0/C1 controls, line and paragraph separators, bidi overrides and zero-width characters have no place in names.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/u;
// Half of a surrogate pair on its own is no character: PostgreSQL would store a replacement character instead.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A trimmed free-text value, checked for length and invisible characters before anything else looks at it. */
export function textArgument(argument: string, raw: string, rule: TextRule): string {
  if (raw.length > rule.max * 4) throw badUserInput(argument, `must be at most ${rule.max} characters`);
  const value = raw.trim();
  const length = [...value].length;
  if (length < (rule.min ?? 1))
    throw badUserInput(argument, rule.min && rule.min > 1 ? `must be at least ${rule.min} characters` : 'must not be empty');
  if (length > rule.max) throw badUserInput(argument, `must be at most ${rule.max} characters`);
  if (INVISIBLE.test(value) || LONE_SURROGATE.test(value)) throw badUserInput(argument, 'must not contain control or invisible characters');
  if (rule.pattern && !rule.pattern[0].test(value)) throw badUserInput(argument, rule.pattern[1]);
  return value;
}
