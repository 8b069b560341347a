import {
  getDirectiveValues,
  getNamedType,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isObjectType,
  BREAK,
  Kind,
  visit,
  type DirectiveNode,
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
export function requestedBeneath(info: GraphQLResolveInfo, role: Role): readonly RequestedField[] {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return [];
  // The list depends on the query, the role and the field only, unless @skip/@include take a variable: then per request.
  const node = info.fieldNodes[0];
  const cacheable = info.fieldNodes.length === 1 && !variableDirectives(info);
  const key = `${info.parentType.name}|${role}`;
  const cached = cacheable ? PLANNED.get(node)?.get(key) : undefined;
  if (cached) return cached;
  const out: RequestedField[] = [];
  walk(info, type, info.fieldNodes, role, '', null, out, 0);
  if (cacheable) {
    let byRole = PLANNED.get(node);
    if (!byRole) PLANNED.set(node, (byRole = new Map()));
    byRole.set(key, Object.freeze(out));
  }
  return out;
}

/** Per selection (of a parsed query the server keeps while it is in use), per parent type and role. */
const PLANNED = new WeakMap<FieldNode, Map<string, readonly RequestedField[]>>();
const USES_VARIABLE_DIRECTIVES = new WeakMap<object, boolean>();

/** Whether any @skip/@include of the operation or its fragments takes a variable (the selection then varies by request). */
function variableDirectives(info: GraphQLResolveInfo): boolean {
  let uses = USES_VARIABLE_DIRECTIVES.get(info.operation);
  if (uses === undefined) {
    uses = false;
    const visitor = {
      Directive(node: DirectiveNode) {
        if ((node.name.value === 'skip' || node.name.value === 'include') && node.arguments?.some((a) => a.value.kind === Kind.VARIABLE)) {
          uses = true;
          return BREAK;
        }
        return undefined;
      },
    };
    visit(info.operation, visitor);
    if (!uses) for (const fragment of Object.values(info.fragments)) visit(fragment, visitor);
    USES_VARIABLE_DIRECTIVES.set(info.operation, uses);
  }
  return uses;
}

/**
 * The field names along a chain of response keys (aliases or names) beneath these selections; null if a key is not
 * selected there. A valid query gives one response key one field name at each level.
 */
export function fieldNamesAlong(nodes: readonly FieldNode[], keys: readonly string[], fragments: GraphQLResolveInfo['fragments']): string[] | null {
  const names: string[] = [];
  let current = nodes;
  for (const key of keys) {
    const next: FieldNode[] = [];
    for (const node of current) if (node.selectionSet) selectionsWithKey(node.selectionSet, key, fragments, next, new Set());
    if (next.length === 0) return null;
    names.push(next[0].name.value);
    current = next;
  }
  return names;
}

function selectionsWithKey(
  set: SelectionSetNode,
  key: string,
  fragments: GraphQLResolveInfo['fragments'],
  out: FieldNode[],
  seen: Set<string>,
): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if ((selection.alias?.value ?? selection.name.value) === key) out.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      selectionsWithKey(selection.selectionSet, key, fragments, out, seen);
    } else {
      const fragment = fragments[selection.name.value];
      if (!fragment || seen.has(fragment.name.value)) continue;
      seen.add(fragment.name.value);
      selectionsWithKey(fragment.selectionSet, key, fragments, out, seen);
    }
  }
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
