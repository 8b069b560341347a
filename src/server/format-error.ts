import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, type ErrorCode } from '../schema/error-codes';

const COMPLEXITY = /(Query Cost limit|Query depth limit|Aliases limit|Token limit|Directives limit|Syntax Error: Token limit)/i;

/** Maps every error onto DESIGN.md's codes, and keeps internals (stack, SQL, messages of unexpected errors) inside. */
export function formatError(development: boolean) {
  return (formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError => {
    const raw = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    let code: ErrorCode;
    if (COMPLEXITY.test(formatted.message)) code = 'QUERY_TOO_COMPLEX';
    else if ((ERROR_CODES as readonly string[]).includes(raw)) code = raw as ErrorCode;
    else if (raw === 'GRAPHQL_PARSE_FAILED') code = 'GRAPHQL_VALIDATION_FAILED';
    else if (raw === 'BAD_REQUEST' || raw === 'OPERATION_RESOLUTION_FAILURE' || raw === 'PERSISTED_QUERY_NOT_SUPPORTED') code = 'BAD_USER_INPUT';
    else code = 'INTERNAL_SERVER_ERROR';

    const { stacktrace, http: _http, code: _code, exception: _exception, ...rest } = (formatted.extensions ?? {}) as Record<string, unknown>;
    if (code === 'INTERNAL_SERVER_ERROR' && !development) {
      if (original) process.emitWarning(`internal error: ${(original as Error)?.message ?? original}`);
      return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    return {
      ...formatted,
      extensions: { ...rest, code, ...(development && stacktrace ? { stacktrace } : {}) },
    };
  };
}
