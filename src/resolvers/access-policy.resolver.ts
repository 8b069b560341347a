import { Arg, Query, Resolver } from 'type-graphql';
import { POLICY } from '../auth/policy';
import { ROLES, type Role } from '../entities/hub/user.entity';
import { AccessRuleType } from '../schema/access-rule.type';
import { RoleEnum } from '../schema/viewer.type';

@Resolver(() => AccessRuleType)
export class AccessPolicyResolver {
  @Query(() => [AccessRuleType], {
    nullable: true,
    description: 'The access policy the hub enforces (role × Type.field → outcome, with reasons). Any field not listed is denied.',
  })
  accessPolicy(@Arg('role', () => RoleEnum, { nullable: true, description: 'Only the rules of this role.' }) role: Role | null): AccessRuleType[] {
    const roles = role ? [role] : [...ROLES];
    return Object.keys(POLICY)
      .sort()
      .flatMap((field) =>
        roles.map((r) => {
          const rule = POLICY[field];
          return {
            role: r,
            field,
            outcome: rule.outcomes[r],
            reason: rule.reason,
            mask: rule.outcomes[r] === 'MASK' ? (rule.mask ?? null) : null,
            subjectData: rule.subjectData,
          };
        }),
      );
  }
}
