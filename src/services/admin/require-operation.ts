import { may } from '../../auth/policy';
import type { RequestContext } from '../../context';
import { forbidden } from '../../schema/error-codes';

/** Services re-check what the policy table already demands of the operation: a second lock on every admin write and list. */
export function requireOperation(ctx: RequestContext, operation: `Mutation.${string}` | `Query.${string}`): void {
  if (!may(ctx.viewer, operation)) throw forbidden(`Your role may not perform ${operation}`);
}
