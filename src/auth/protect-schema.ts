import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { buildAuditMiddleware } from '../audit/audit-middleware';
import { nulArgumentMiddleware } from '../schema/nul-argument-middleware';
import { buildMaskingMiddleware } from './masking-middleware';
import { planFields } from './planned-fields';
import { buildShield } from './shield';

/**
 * Wraps the schema: the audit middleware (outermost, so it sees every denial) records what is read and refused,
 * the shield decides (allow / deny), then masking transforms allowed-but-masked values; innermost, arguments
 * holding NUL characters are refused as bad input. Then each field is planned against the policy table
 * (planned-fields.ts): a role the table plainly allows a field runs the field's own resolver, with no middleware.
 */
export function protectSchema(schema: GraphQLSchema, options: { shield?: boolean; audit?: boolean } = {}): GraphQLSchema {
  // `shield: false` and `audit: false` are for benchmarks only (SHIELD_/AUDIT_DISABLED_FOR_BENCHMARK): they measure
  // what authorization and auditing cost, each alone or both. The plan is the same whichever is off, so a switch
  // removes exactly its own middleware from the fields that keep a chain and the variants differ in nothing else;
  // without the shield the audit records every field as served (nothing denied or masked).
  const audit = options.audit === false ? [] : [buildAuditMiddleware({ planned: true, authorization: options.shield !== false })];
  const authorization = options.shield === false ? [] : [buildShield(schema), buildMaskingMiddleware()];
  return planFields(schema, applyMiddleware(schema, ...audit, ...authorization, nulArgumentMiddleware()));
}
