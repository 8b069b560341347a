import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { RequestContext } from '../context';
import type { Logger } from './logger';
import { observeRequest, type RequestOutcome } from './metrics';

/** What is logged and measured about one GraphQL request: never its variables, arguments or results. */
interface RequestObservation {
  requestId: string;
  /** The caller's X-Request-Id, when it sent a well-formed one. */
  correlationId: string | null;
  started: number;
  /** Root fields of the operation: a bounded label for metrics. */
  operation: string;
  /** The client's operation name, when it is a plain identifier. */
  operationName: string | null;
  username: string | null;
  role: string | null;
  errorCodes: string[];
  outcome: RequestOutcome | null;
  /** The answer was replaced because its audit entries could not be written. */
  withheld: boolean;
}

// Apollo hands plugins a shallow copy of the context; an enumerable symbol key survives the copy.
const OBSERVATION = Symbol('request observation');
type Observed = RequestContext & { [OBSERVATION]?: RequestObservation };
const UNRESOLVED = 'unresolved';

/** Express middleware on /graphql (after the request id is set): one log line and one measurement per request. */
export function observeGraphqlRequests(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const observation: RequestObservation = {
      requestId: (req as Request & { requestId?: string }).requestId ?? '-',
      correlationId: (req as Request & { correlationId?: string | null }).correlationId ?? null,
      started: performance.now(),
      operation: UNRESOLVED,
      operationName: null,
      username: null,
      role: null,
      errorCodes: [],
      outcome: null,
      withheld: false,
    };
    res.locals.observation = observation;
    res.once('finish', () => finish(observation, res.statusCode, logger));
    next();
  };
}

/** Wraps the context factory so the request is attributed to its viewer, or counted as refused. */
export async function observedContext(res: Response, create: () => Promise<RequestContext>): Promise<RequestContext> {
  const observation = res.locals.observation as RequestObservation | undefined;
  try {
    const ctx = await create();
    if (observation) {
      (ctx as Observed)[OBSERVATION] = observation;
      observation.username = ctx.viewer.username;
      observation.role = ctx.viewer.role;
    }
    return ctx;
  } catch (error) {
    if (observation) {
      observation.outcome = 'error';
      observation.errorCodes = [String((error as GraphQLError).extensions?.code ?? 'INTERNAL_SERVER_ERROR')];
    }
    throw error;
  }
}

/** The answer was withheld (fail closed): the request counts and logs as an error, whatever it had produced. */
export function markWithheld(ctx: RequestContext, code: string): void {
  const observation = (ctx as Observed)[OBSERVATION];
  if (!observation) return;
  observation.withheld = true;
  observation.outcome = 'error';
  observation.errorCodes = [code];
}

/** Fills in the operation and the outcome, and logs unexpected errors by kind and place, never by message. */
export function requestObservationPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const observation = (contextValue as Observed)[OBSERVATION];
      if (!observation) return;
      return {
        async didResolveOperation({ operation, operationName }) {
          if (operation) observation.operation = operationLabel(operation);
          observation.operationName = operationName && /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(operationName) ? operationName : null;
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const original = error.originalError;
            if (!original || original instanceof GraphQLError) continue;
            const e = original as Error & { code?: unknown };
            contextValue.log.error(
              { path: error.path, errorName: e.name, sqlState: typeof e.code === 'string' ? e.code : undefined, stack: framesOf(e) },
              'unexpected error',
            );
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (observation.withheld) return;
          observation.errorCodes = (errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          const answered = !!data && Object.values(data).some((v) => v !== null);
          observation.outcome = !errors?.length ? 'ok' : answered ? 'partial' : 'error';
        },
      };
    },
  };
}

function finish(o: RequestObservation, status: number, logger: Logger): void {
  const durationMs = Math.round((performance.now() - o.started) * 10) / 10;
  const outcome: RequestOutcome = status >= 500 ? 'error' : (o.outcome ?? (status >= 400 ? 'error' : 'ok'));
  observeRequest(o.operation, outcome, durationMs / 1000);
  const line = {
    requestId: o.requestId,
    ...(o.correlationId ? { correlationId: o.correlationId } : {}),
    operation: o.operation,
    operationName: o.operationName,
    username: o.username,
    role: o.role,
    outcome,
    status,
    durationMs,
    errorCodes: [...new Set(o.errorCodes)],
    ...(o.withheld ? { withheld: true } : {}),
  };
  if (o.withheld || status >= 500) logger.error(line, 'graphql request');
  else if (outcome === 'error') logger.warn(line, 'graphql request');
  else logger.info(line, 'graphql request');
}

/** `query:executionCase`, `mutation:createUser+assignClerk`: names from the schema, so the label set stays bounded. */
function operationLabel(operation: OperationDefinitionNode): string {
  const names = new Set<string>();
  for (const selection of operation.selectionSet.selections) {
    names.add(selection.kind === Kind.FIELD ? selection.name.value : '…');
  }
  const sorted = [...names].sort();
  const shown = sorted.length > 3 ? [...sorted.slice(0, 3), '…'] : sorted;
  return `${operation.operation}:${shown.join('+')}`;
}

/** The stack without its first line, which repeats the message (and a message may quote data). */
function framesOf(error: Error): string | undefined {
  return error.stack
    ?.split('\n')
    .slice(1)
    .map((l) => l.trim())
    .join(' | ');
}
