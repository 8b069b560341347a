import type { IMiddleware } from 'graphql-middleware';
import type { RequestContext } from '../context';
import { applyMask } from './masking/apply-mask';
import { outcomeFor, POLICY } from './policy';

/** Masks the fields whose outcome for the viewer's role is MASK, and tells the request's audit record; generated from the policy table. */
export function buildMaskingMiddleware(): IMiddleware {
  const byType: Record<string, Record<string, import('graphql-middleware').IMiddlewareFunction>> = {};
  for (const [typeField, fieldRule] of Object.entries(POLICY)) {
    if (!Object.values(fieldRule.outcomes).includes('MASK')) continue;
    const [type, field] = typeField.split('.');
    const kind = fieldRule.mask ?? 'idNumber';
    byType[type] ??= {};
    byType[type][field] = async (resolve, parent, args, ctx: RequestContext, info) => {
      const value = await resolve(parent, args, ctx, info);
      if (outcomeFor(ctx.viewer.role, typeField) !== 'MASK') return value;
      // The audit records the outcome applied here, not one recomputed from the table.
      ctx.audit?.masked(info.path);
      return applyMask(kind, value);
    };
  }
  return byType as IMiddleware;
}
