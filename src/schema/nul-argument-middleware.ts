import type { IMiddlewareFunction } from 'graphql-middleware';
import { badUserInput } from './error-codes';

/** The path of the first string holding a NUL character, e.g. `input.respondents[1].name`; null when none does. */
function nulAt(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || depth > 16 || value instanceof Date) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = nulAt(value[i], `${path}[${i}]`, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value)) {
    const found = nulAt(v, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * No argument may carry a NUL character (PostgreSQL refuses it in text, which would surface as an internal error):
 * BAD_USER_INPUT naming the argument. Applied inside the audit middleware, so the attempt is still recorded.
 */
export function nulArgumentMiddleware(): IMiddlewareFunction {
  return (resolve, parent, args, ctx, info) => {
    for (const key in args) {
      const found = nulAt(args[key], key);
      if (found) throw badUserInput(found, 'must not contain NUL characters');
    }
    return resolve(parent, args, ctx, info);
  };
}
