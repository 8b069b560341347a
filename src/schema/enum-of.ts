import { registerEnumType } from 'type-graphql';

/** A GraphQL enum whose values are the given strings (the entity's own list, so the two cannot drift). */
export function enumOf<T extends readonly string[]>(values: T, name: string, description?: string) {
  const e = Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };
  registerEnumType(e, { name, description });
  return e;
}
