import {
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isObjectType,
  Kind,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { outcomeFor } from '../auth/policy';
import type { Role } from '../entities/hub/user.entity';
import type { FieldOutcome } from './subject-read';

export interface RequestedField {
  /** Path from the field (list indices dropped). */
  path: string;
  /** What the policy releases there: DENY also for everything beneath a denied field. */
  outcome: FieldOutcome;
}

/**
 * Every field the query asks for beneath this one, with the outcome the policy gives the role at each: what the
 * answer would have released had the record held data there. Fragments are followed; @skip/@include are honoured.
 */
export function requestedBeneath(info: GraphQLResolveInfo, role: Role): RequestedField[] {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return [];
  const out: RequestedField[] = [];
  walk(info, type, info.fieldNodes, role, '', null, out, 0);
  return out;
}

function walk(
  info: GraphQLResolveInfo,
  type: GraphQLObjectType,
  nodes: readonly FieldNode[],
  role: Role,
  prefix: string,
  inherited: FieldOutcome | null,
  out: RequestedField[],
  depth: number,
): void {
  if (depth > 12) return;
  const byName = new Map<string, FieldNode[]>();
  for (const node of nodes) if (node.selectionSet) collect(info, node.selectionSet, byName, new Set());
  const fields = type.getFields();
  for (const [name, children] of byName) {
    const field = fields[name];
    if (!field) continue;
    const outcome: FieldOutcome = inherited ?? outcomeFor(role, `${type.name}.${name}`);
    const path = prefix ? `${prefix}.${name}` : name;
    out.push({ path, outcome });
    const below = getNamedType(field.type);
    if (isObjectType(below)) walk(info, below, children, role, path, outcome === 'DENY' ? 'DENY' : null, out, depth + 1);
  }
}

function included(info: GraphQLResolveInfo, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
}

function collect(info: GraphQLResolveInfo, set: SelectionSetNode, byName: Map<string, FieldNode[]>, seen: Set<string>): void {
  for (const selection of set.selections) {
    if (!included(info, selection)) continue;
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name.startsWith('__')) continue;
      byName.set(name, [...(byName.get(name) ?? []), selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(info, selection.selectionSet, byName, seen);
    } else {
      const fragment = info.fragments[selection.name.value];
      if (!fragment || seen.has(fragment.name.value)) continue;
      seen.add(fragment.name.value);
      collect(info, fragment.selectionSet, byName, seen);
    }
  }
}
