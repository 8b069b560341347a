import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { SubjectKind } from '../ids/subject-id';
import type { CaseBinding } from '../auth/case-binding';

export const SubjectKindEnum = { PERSON: 'PERSON', ENTERPRISE: 'ENTERPRISE' } as const;
registerEnumType(SubjectKindEnum, { name: 'SubjectKind' });

/**
 * A person or enterprise, reached only through a case the viewer is bound to. The binding (the legal basis)
 * travels with it to every nested resolver. Source fields are added by the sources (resolvers/subject.resolver.ts).
 */
@ObjectType('Subject', { description: 'A case party: a natural person or a legal entity. Reachable only through a case.' })
export class SubjectView {
  @Field(() => ID, { description: 'Opaque hub identifier.' })
  id!: string;

  @Field(() => SubjectKindEnum, { nullable: true })
  kind!: SubjectKind;

  @Field(() => String, { nullable: true })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Resident ID (persons) or unified social credit code (enterprises).' })
  idNumber!: string;

  binding!: CaseBinding;
}
