import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { auditFieldError } from '../audit/audit-middleware';
import type { RequestContext } from '../context';
import { ROLES, type Role } from '../entities/hub/user.entity';
import { outcomeFor, POLICY } from './policy';

type Resolver = GraphQLFieldResolver<unknown, RequestContext>;

/** The types whose fields always take the enforced path, whatever the table says: the roots and the case-bound records. */
const ENFORCED_TYPES = new Set(['Query', 'Mutation', 'Subscription', 'Subject', 'LinkedPerson']);

/**
 * The roles for which `Type.field` is plainly released: the table's outcome is ALLOW, the field is neither a root
 * (audited operations, refusals under a named case) nor a field of a case-bound subject or of a linked person (the
 * case-binding rule, and the linked person's own access history), and nothing is masked. Decided once, from the
 * table, when the schema is built.
 */
export function plainlyAllowed(type: string, field: string): Set<Role> {
  const roles = new Set<Role>();
  if (ENFORCED_TYPES.has(type) || !POLICY[`${type}.${field}`]) return roles;
  for (const role of ROLES) if (outcomeFor(role, `${type}.${field}`) === 'ALLOW') roles.add(role);
  return roles;
}

const isPromise = (value: unknown): value is Promise<unknown> =>
  value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function';

/**
 * The field's own resolver, run directly when the viewer's role is plainly allowed the field and the selection passes
 * no argument; every other call goes through the enforced chain (audit, shield, masking, argument checks). A plainly
 * allowed field that fails is still put on the record (a failure beneath a subject, a refusal under a case).
 */
function plannedResolver(own: Resolver, enforced: Resolver, roles: Set<Role>): Resolver {
  return (parent, args, ctx, info) => {
    const role = ctx?.viewer?.role;
    if (role === undefined || !roles.has(role) || info.fieldNodes.length !== 1 || info.fieldNodes[0].arguments?.length) {
      return enforced(parent, args, ctx, info);
    }
    const failed = (error: unknown) => {
      auditFieldError(error, parent, args, ctx, info);
      return error;
    };
    let value: unknown;
    try {
      value = own(parent, args, ctx, info);
    } catch (error) {
      throw failed(error);
    }
    if (isPromise(value)) {
      return value.then(
        (settled) => (settled instanceof Error ? failed(settled) : settled),
        (error: unknown) => {
          throw failed(error);
        },
      );
    }
    return value instanceof Error ? failed(value) : value;
  };
}

/**
 * Plans every field of `enforced` (the schema with its middleware applied) against the table: where a role is plainly
 * allowed a field, that role's calls run the field's own resolver from `base` with no per-field middleware; the rest
 * keep the enforced chain. The outcome per (field, role) is fixed by the table, so it is computed here once, not per
 * request.
 */
export function planFields(base: GraphQLSchema, enforced: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(enforced.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const baseType = base.getType(type.name);
    if (!isObjectType(baseType)) continue;
    const baseFields = baseType.getFields();
    for (const [name, field] of Object.entries(type.getFields())) {
      const roles = plainlyAllowed(type.name, name);
      if (roles.size === 0 || !field.resolve || !baseFields[name]) continue;
      const own = (baseFields[name].resolve ?? defaultFieldResolver) as Resolver;
      field.resolve = plannedResolver(own, field.resolve as Resolver, roles);
    }
  }
  return enforced;
}
