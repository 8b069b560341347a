import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, type ErrorCode } from '../schema/error-codes';

// Query-limit rejections (graphql-armor's, and graphql-js's token count); anchored so that echoed user text cannot match.
const COMPLEXITY = /^Syntax Error: ((Query Cost|Query depth|Aliases|Token|Directives) limit of \d+ exceeded|Document contains more that \d+ tokens)/;
// graphql-js variable coercion: `Variable "$input" got invalid value … at "input.respondents[1].idNumber"; …`.
const COERCION = /^Variable "\$(\w+)" (?:got invalid value .*? at "([^"]{1,200})";|got invalid value|of required type|of non-null type)/s;

// Automatic persisted queries: Apollo's own codes (which clients key on) are kept as the reason.
const PERSISTED_QUERY_CODES = new Set(['PERSISTED_QUERY_NOT_SUPPORTED', 'PERSISTED_QUERY_NOT_FOUND']);
const PERSISTED_QUERY_MESSAGES = /^(Unsupported persisted query version|provided sha does not match query)$/;
// graphql-js suggestions ("Did you mean …?"), for fields, arguments, types and enum values alike.
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** The argument a variable-coercion error is about, so BAD_USER_INPUT names the field as resolver errors do. */
function coercedArgument(message: string): string | undefined {
  const m = COERCION.exec(message);
  return m ? (m[2] ?? m[1]) : undefined;
}

/** Maps every error onto DESIGN.md's codes, and keeps internals (stack, SQL, messages of unexpected errors) inside. */
export function formatError(development: boolean, hideSuggestions = false) {
  return (formatted: GraphQLFormattedError, _original: unknown): GraphQLFormattedError => {
    const raw = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    let code: ErrorCode;
    if (COMPLEXITY.test(formatted.message)) code = 'QUERY_TOO_COMPLEX';
    else if ((ERROR_CODES as readonly string[]).includes(raw)) code = raw as ErrorCode;
    else if (raw === 'GRAPHQL_PARSE_FAILED') code = 'GRAPHQL_VALIDATION_FAILED';
    else if (raw === 'BAD_REQUEST' || raw === 'OPERATION_RESOLUTION_FAILURE' || PERSISTED_QUERY_CODES.has(raw)) code = 'BAD_USER_INPUT';
    else if (PERSISTED_QUERY_MESSAGES.test(formatted.message)) code = 'BAD_USER_INPUT';
    else code = 'INTERNAL_SERVER_ERROR';
    if (hideSuggestions) formatted = { ...formatted, message: formatted.message.replace(SUGGESTION, '') };

    const { stacktrace, http: _http, code: _code, exception: _exception, ...rest } = (formatted.extensions ?? {}) as Record<string, unknown>;
    if (PERSISTED_QUERY_CODES.has(raw)) rest.reason = raw;
    if (code === 'BAD_USER_INPUT' && rest.argument === undefined) {
      const argument = coercedArgument(formatted.message);
      if (argument) rest.argument = argument;
    }
    if (code === 'INTERNAL_SERVER_ERROR' && !development) {
      // Logged by the request observation plugin (kind and place, not the message, which may quote data).
      return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code } };
    }
    return {
      ...formatted,
      extensions: { ...rest, code, ...(development && stacktrace ? { stacktrace } : {}) },
    };
  };
}
