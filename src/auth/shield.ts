import { GraphQLError, isObjectType, type GraphQLSchema } from 'graphql';
import { and, rule, shield } from 'graphql-shield';
import type { ShieldRule as IRule } from 'graphql-shield/typings/types';
import type { RequestContext } from '../context';
import { SubjectView } from '../schema/subject.type';
import { outcomeFor, POLICY } from './policy';

export function fieldDenied(typeField: string): GraphQLError {
  return new GraphQLError(`Your role may not read ${typeField}`, { extensions: { code: 'FORBIDDEN', field: typeField } });
}

/** Case binding: a Subject is readable only as reached through a case service, which attaches the binding. */
const boundSubject = rule({ cache: 'no_cache' })((parent: unknown) =>
  parent instanceof SubjectView && parent.binding !== undefined
    ? true
    : new GraphQLError('No legal basis for this subject', { extensions: { code: 'FORBIDDEN' } }),
);

function policyRule(typeField: string): IRule {
  return rule(`policy:${typeField}`, { cache: 'no_cache' })((_parent, _args, ctx: RequestContext) =>
    outcomeFor(ctx.viewer.role, typeField) === 'DENY' ? fieldDenied(typeField) : true,
  );
}

/**
 * The shield rule tree, generated from the policy table and the case-binding rule. Every field of every object
 * type gets a rule; anything the table does not name falls back to deny with FORBIDDEN.
 */
export function buildShield(schema: GraphQLSchema) {
  const tree: Record<string, Record<string, IRule>> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const fields: Record<string, IRule> = {};
    for (const field of Object.keys(type.getFields())) {
      const typeField = `${type.name}.${field}`;
      if (!POLICY[typeField]) continue; // left to the deny fallback
      fields[field] = type.name === 'Subject' ? and(boundSubject, policyRule(typeField)) : policyRule(typeField);
    }
    tree[type.name] = fields;
  }
  return shield(tree, {
    fallbackRule: rule('deny-unlisted', { cache: 'no_cache' })((_p, _a, _c, info) => fieldDenied(`${info.parentType.name}.${info.fieldName}`)),
    fallbackError: () => new GraphQLError('Not authorised', { extensions: { code: 'FORBIDDEN' } }),
    allowExternalErrors: true,
    debug: false,
  });
}
