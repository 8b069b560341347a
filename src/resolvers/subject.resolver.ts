import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { SourceStatus } from '../schema/source-status.type';
import { SubjectView } from '../schema/subject.type';
import { SOURCES } from '../sources/registry';
import { sourceOutcome } from '../sources/from-source';
import type { SubjectField } from '../sources/source-definition';
import { SOURCE_NAMES } from '../sources/source-name';

const sourceStatus: SubjectField & { nullable: false } = {
  type: () => [SourceStatus],
  description: 'How each source answered for this subject in this request.',
  nullable: false,
  async resolve(s, ctx) {
    const outcomes = await Promise.all(SOURCE_NAMES.map((name) => sourceOutcome(ctx, name, s.idNumber)));
    return outcomes.map((o) => ({ ...o.status }));
  },
};

/**
 * The Subject fields of every source, built from the registry in a fixed order (the order of the schema): the
 * sources' contact fields beside the identity, then their record fields in registry order, then `sourceStatus`.
 */
function buildSubjectResolver() {
  @Resolver(() => SubjectView)
  class SubjectResolver {}
  const prototype = SubjectResolver.prototype as unknown as Record<string, unknown>;
  const add = (name: string, field: SubjectField & { nullable?: boolean }) => {
    prototype[name] = (subject: SubjectView, ctx: RequestContext) => field.resolve(subject, ctx);
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name)!;
    Root()(prototype, name, 0);
    Ctx()(prototype, name, 1);
    FieldResolver(field.type as never, { nullable: field.nullable ?? true, description: field.description })(prototype, name, descriptor);
  };
  const contacts = SOURCES.flatMap((s) => Object.entries(s.subject.contacts ?? {}));
  const records = SOURCES.flatMap((s) => Object.entries(s.subject.records));
  for (const [name, field] of [...contacts, ...records, ['sourceStatus', sourceStatus] as const]) add(name, field);
  return SubjectResolver;
}

export const SubjectResolver = buildSubjectResolver();
