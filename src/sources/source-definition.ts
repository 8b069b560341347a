import type { EntityManager } from 'typeorm';
import type { FieldRule } from '../auth/policy-rules';
import type { SourceControl } from '../control/source-control';
import type { RequestContext } from '../context';
import type { SourceDatabase } from '../databases/source-database';
import type { SubjectView } from '../schema/subject.type';
import type { DemoIdentities } from '../seed/demo-identities';
import type { SyntheticGenerate } from '../seed/synthetic-chunk';
import type { CircuitBreaker } from './circuit-breaker';
import type { SharingOptions, SourceConnector } from './source-connector';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Class = Function;

/** A connector class of a source; every connector of a source shares its database and circuit breaker. */
export type ConnectorClass<T = unknown> = new (
  name: never,
  db: SourceDatabase,
  timeoutMs: number,
  breaker: CircuitBreaker,
  sharing?: SharingOptions,
) => SourceConnector<T>;

/** A field the source adds to Subject, resolved from the subject (typically through `fromSource`). */
export interface SubjectField {
  /** The GraphQL type, as type-graphql takes it (`() => [RealEstate]`). */
  type: () => unknown;
  description?: string;
  resolve(subject: SubjectView, ctx: RequestContext): unknown;
}

/** Everything the hub knows about one agency source; the registry (registry.ts) lists them. */
export interface SourceDefinition<
  N extends string = string,
  C extends Record<string, ConnectorClass> = Record<string, ConnectorClass>,
  G extends SyntheticGenerate = SyntheticGenerate,
> {
  /** camelCase: the key of its loaders, its status, metrics and configuration. */
  name: N;
  /** TypeORM entities of its database. */
  entities: Class[];
  /** Its committed migrations (in `migrations/` of its folder), oldest first. */
  migrations: Class[];
  /** Its lookups, one loader each per request; the one named after the source is its main lookup (status, readiness). */
  connectors: C;
  /** Fields it adds to Subject: `contacts` are listed beside the identity, `records` after it. */
  subject: { contacts?: Record<string, SubjectField>; records: Record<string, SubjectField> };
  /** Resolvers of its own GraphQL types, if any field needs one. */
  resolvers?: Class[];
  /**
   * Asset control (seize, freeze, deduct through the agency): the asset classes and kinds it takes, their legal
   * maximum periods, and where the reference processor finds assets and encumbrances. Absent: not controllable.
   */
  control?: SourceControl;
  /** The access rules of its Subject fields and its types. */
  policy: Record<string, FieldRule>;
  /** Demo records, seeded when the `sentinel` entity's table is empty. */
  demo: { sentinel: Class; seed(m: EntityManager, people: DemoIdentities): Promise<void> };
  /**
   * The synthetic generator's rows for this source (`ChunkRows[name]`): the entity each list is inserted into,
   * parents before children. Columns come from the entity metadata.
   */
  synthetic: Record<string, Class>;
  /**
   * Builds those rows for one chunk of a synthetic dataset (its `<folder>.synthetic.ts`): a function run once the
   * chunk's parties and cases are settled, or a generator woven into the cases (see seed/synthetic-chunk.ts).
   */
  generate?: G;
  /** The raw-SQL benchmark floor: the statements of one lookup of this source, `$1` the array of ID numbers. */
  floor: string[];
}

export interface RegisteredSource<
  N extends string = string,
  C extends Record<string, ConnectorClass> = Record<string, ConnectorClass>,
  G extends SyntheticGenerate = SyntheticGenerate,
> extends SourceDefinition<N, C, G> {
  /** Environment variable of its connection URL, e.g. SOCIAL_SECURITY_DATABASE_URL. */
  envVar: string;
  /** Name of its embedded database, e.g. fuyuantong_social_security. */
  database: string;
  /** Its folder under src/sources, e.g. social-security. */
  folder: string;
  /** Its value in the GraphQL SourceName enum, e.g. SOCIAL_SECURITY. */
  enumKey: string;
}

const words = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(' ');

/** A source definition with the names derived from its `name` (env var, embedded database, folder, enum value). */
export function defineSource<const N extends string, C extends Record<string, ConnectorClass>, G extends SyntheticGenerate = SyntheticGenerate>(
  definition: SourceDefinition<N, C, G>,
): RegisteredSource<N, C, G> {
  const parts = words(definition.name);
  return {
    ...definition,
    envVar: `${parts.join('_').toUpperCase()}_DATABASE_URL`,
    database: `fuyuantong_${parts.join('_')}`,
    folder: parts.join('-'),
    enumKey: parts.join('_').toUpperCase(),
  };
}
