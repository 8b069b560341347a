import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import { CreateOrganisationInput, CreateUserInput } from '../../schema/admin/admin.input';
import { ManagedOrganisationType, ManagedUserType } from '../../schema/admin/managed.type';

@Resolver()
export class OrganisationAdminResolver {
  @Mutation(() => ManagedOrganisationType, { nullable: true, description: 'ADMIN: register an organisation.' })
  createOrganisation(@Ctx() ctx: RequestContext, @Arg('input', () => CreateOrganisationInput) input: CreateOrganisationInput) {
    return ctx.services.admin.organisations.create(ctx, input);
  }

  @Mutation(() => ManagedOrganisationType, { nullable: true, description: 'ADMIN: disable an organisation; its users can no longer sign in.' })
  disableOrganisation(@Ctx() ctx: RequestContext, @Arg('code') code: string) {
    return ctx.services.admin.organisations.disable(ctx, code);
  }

  @Mutation(() => ManagedUserType, { nullable: true, description: 'ADMIN: create a user in an organisation of the kind the role needs.' })
  createUser(@Ctx() ctx: RequestContext, @Arg('input', () => CreateUserInput) input: CreateUserInput) {
    return ctx.services.admin.users.create(ctx, input);
  }

  @Mutation(() => ManagedUserType, { nullable: true, description: 'ADMIN: disable a user; their tokens stop working at once.' })
  disableUser(@Ctx() ctx: RequestContext, @Arg('username') username: string) {
    return ctx.services.admin.users.disable(ctx, username);
  }
}
