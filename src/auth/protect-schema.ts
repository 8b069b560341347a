import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { buildMaskingMiddleware } from './masking-middleware';
import { buildShield } from './shield';

/** Wraps the schema: the shield decides (allow / deny), then masking transforms allowed-but-masked values. */
export function protectSchema(schema: GraphQLSchema): GraphQLSchema {
  return applyMiddleware(schema, buildShield(schema), buildMaskingMiddleware());
}
