import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { Role } from '../entities/hub/user.entity';
import { RoleEnum } from './viewer.type';

export const PolicyOutcomeEnum = { ALLOW: 'ALLOW', MASK: 'MASK', DENY: 'DENY' } as const;
registerEnumType(PolicyOutcomeEnum, {
  name: 'PolicyOutcome',
  description: 'ALLOW: the value; MASK: a masked value (e.g. 3401**********1234); DENY: null with a FORBIDDEN error at that path.',
});

@ObjectType('AccessRule', { description: 'One row of the access policy the hub enforces: what a role sees of one field, and why.' })
export class AccessRuleType {
  @Field(() => RoleEnum)
  role!: Role;

  @Field({ description: 'Type.field, e.g. Subject.phone.' })
  field!: string;

  @Field(() => PolicyOutcomeEnum)
  outcome!: string;

  @Field({ description: 'Purpose or legal basis of the rule.' })
  reason!: string;

  @Field(() => String, { nullable: true, description: 'How a MASK outcome transforms the value (idNumber, phone, address, name).' })
  mask!: string | null;

  @Field({ description: 'Whether the field carries subject data (records of a person or enterprise).' })
  subjectData!: boolean;
}
