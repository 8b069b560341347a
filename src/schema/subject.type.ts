import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import type { SubjectKind } from '../ids/subject-id';
import type { CaseBinding } from '../auth/case-binding';

export const SubjectKindEnum = { PERSON: 'PERSON', ENTERPRISE: 'ENTERPRISE' } as const;
registerEnumType(SubjectKindEnum, { name: 'SubjectKind' });

export const SourceNameEnum = {
  PROPERTY: 'property',
  VEHICLE: 'vehicle',
  TAX: 'tax',
  SOCIAL_SECURITY: 'socialSecurity',
  CREDIT: 'credit',
} as const;
registerEnumType(SourceNameEnum, { name: 'SourceName' });

export const SourceStateEnum = { OK: 'OK', TIMEOUT: 'TIMEOUT', ERROR: 'ERROR', OPEN: 'OPEN' } as const;
registerEnumType(SourceStateEnum, {
  name: 'SourceState',
  valuesConfig: {
    OK: { description: 'The source answered.' },
    TIMEOUT: { description: 'The source did not answer within the source timeout.' },
    ERROR: { description: 'The source failed or could not be reached.' },
    OPEN: { description: 'Not asked: the source failed repeatedly and is skipped until its cool-down ends (circuit breaker open).' },
  },
});

@ObjectType({ description: "How one agency source answered for this subject." })
export class SourceStatus {
  @Field(() => SourceNameEnum)
  source!: string;

  @Field(() => SourceStateEnum)
  state!: string;

  @Field({ description: 'Milliseconds the source took (the whole batch this lookup was part of).' })
  latencyMs!: number;
}

/**
 * A person or enterprise, reached only through a case the viewer is bound to. The binding (the legal basis)
 * travels with it to every nested resolver. Source fields are resolved in SubjectResolver.
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
