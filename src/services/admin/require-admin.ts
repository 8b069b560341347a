import type { RequestContext } from '../../context';
import { forbidden } from '../../schema/error-codes';

/** Services re-check the role the policy table already demands: a second lock on every admin write. */
export function requireAdmin(ctx: RequestContext): void {
  if (ctx.viewer.role !== 'ADMIN') throw forbidden('Only the hub operator (ADMIN) may do this');
}
