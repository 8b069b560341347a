import { GraphQLError } from 'graphql';

/** Every `extensions.code` the API returns (DESIGN.md "Errors"). */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'SOURCE_UNAVAILABLE',
  'QUERY_TOO_COMPLEX',
  'GRAPHQL_VALIDATION_FAILED',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function unauthenticated(message = 'Authentication required: send a valid bearer token'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/** Invalid argument; `argument` names the offending argument or input field (e.g. `caseNo`, `input.respondents[1].idNumber`). */
export function badUserInput(argument: string, problem: string): GraphQLError {
  return new GraphQLError(`Invalid ${argument}: ${problem}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}

export function sourceUnavailable(source: string, state: string): GraphQLError {
  return new GraphQLError(`The ${source} source is unavailable (${state.toLowerCase()})`, {
    extensions: { code: 'SOURCE_UNAVAILABLE', source, state },
  });
}

/** A state transition that is not allowed now; `state` is the current one. */
export function conflict(message: string, state: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'CONFLICT', state } });
}

/** A rule of law refuses the request (over-seizure, period too long, not the owner …). */
export function refused(reason: string, message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason, ...(argument ? { argument } : {}) } });
}
