import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ROLES, type Role } from '../entities/hub/user.entity';
import { ORGANISATION_KINDS } from '../entities/hub/organisation.entity';
import { SourceNameEnum } from './source-status.type';

export const RoleEnum = Object.fromEntries(ROLES.map((r) => [r, r])) as { [K in Role]: K };
registerEnumType(RoleEnum, { name: 'Role', description: 'What a user may do; see the access policy.' });
export const OrganisationKindEnum = Object.fromEntries(ORGANISATION_KINDS.map((r) => [r, r]));
registerEnumType(OrganisationKindEnum, { name: 'OrganisationKind' });

@ObjectType('Organisation', { description: 'A court, administrator firm, procuratorate, agency or the hub operator.' })
export class OrganisationType {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => OrganisationKindEnum)
  kind!: string;
}

@ObjectType('Viewer', { description: 'The authenticated user.' })
export class ViewerType {
  @Field()
  username!: string;

  @Field()
  displayName!: string;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => OrganisationType)
  organisation!: OrganisationType;

  @Field(() => SourceNameEnum, {
    nullable: true,
    description: "The source the viewer's agency answers for (an AGENCY user's organisation); null for every other organisation.",
  })
  source!: string | null;
}
