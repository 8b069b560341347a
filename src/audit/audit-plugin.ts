import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type { RequestContext } from '../context';
import { markWithheld } from '../observability/request-observation';

export const AUDIT_WRITE_FAILED = 'The request could not be recorded in the audit log; no data was released';

/** Replaces the whole answer, whatever it carried, with a single error. */
function withhold(rc: GraphQLRequestContext<RequestContext>): void {
  markWithheld(rc.contextValue, 'INTERNAL_SERVER_ERROR');
  rc.response.body = {
    kind: 'single',
    singleResult: { data: null, errors: [{ message: AUDIT_WRITE_FAILED, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] },
  };
  rc.response.http.status = 500;
}

/**
 * Fail closed: the request's entries are appended after execution and before the answer is serialised;
 * if that append fails, the answer is withheld.
 */
export function auditPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(rc) {
          if (rc.contextValue.audit) rc.contextValue.audit.operationName = rc.operationName ?? null;
        },
        async willSendResponse(rc) {
          const audit = rc.contextValue?.audit;
          if (!audit) return;
          let failure = audit.failure;
          if (!failure) {
            try {
              await audit.flush();
            } catch (error) {
              failure = error;
            }
          }
          if (failure) {
            rc.contextValue.log?.error({ err: failure instanceof Error ? failure.message : String(failure) }, 'audit append failed: answer withheld');
            withhold(rc);
          }
        },
      };
    },
  };
}
