import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { buildAuditMiddleware } from '../audit/audit-middleware';
import { buildMaskingMiddleware } from './masking-middleware';
import { buildShield } from './shield';

/**
 * Wraps the schema: the audit middleware (outermost, so it sees every denial) records what is read and refused,
 * the shield decides (allow / deny), then masking transforms allowed-but-masked values.
 */
export function protectSchema(schema: GraphQLSchema, options: { shield?: boolean } = {}): GraphQLSchema {
  // `shield: false` is for benchmarks only (SHIELD_DISABLED_FOR_BENCHMARK): it measures what authorization costs.
  const authorization = options.shield === false ? [] : [buildShield(schema), buildMaskingMiddleware()];
  return applyMiddleware(schema, buildAuditMiddleware(), ...authorization);
}
