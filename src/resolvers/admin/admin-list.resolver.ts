import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import type { Role } from '../../entities/hub/user.entity';
import {
  ManagedBankruptcyCaseConnection,
  ManagedExecutionCaseConnection,
  ManagedOrganisationConnection,
  ManagedUserConnection,
} from '../../schema/admin/managed.type';
import { BankruptcyCaseStatusEnum, ExecutionCaseStatusEnum } from '../../schema/case.type';
import { OrganisationKindEnum, RoleEnum } from '../../schema/viewer.type';

const SEARCH = 'Part of a code, number or name (at most 100 characters); never matched against ID numbers.';

@Resolver()
export class AdminListResolver {
  @Query(() => ManagedOrganisationConnection, { nullable: true, description: 'ADMIN: organisations by code, with search and keyset paging.' })
  managedOrganisations(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('search', () => String, { nullable: true, description: 'Part of the code or name.' }) search: string | null,
    @Arg('kind', () => OrganisationKindEnum, { nullable: true }) kind: string | null,
  ) {
    return ctx.services.admin.lists.organisations(ctx, { first, after }, { search, kind });
  }

  @Query(() => ManagedUserConnection, { nullable: true, description: 'ADMIN: user accounts by username, with search and keyset paging.' })
  managedUsers(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('search', () => String, { nullable: true, description: 'Part of the username or display name.' }) search: string | null,
    @Arg('role', () => RoleEnum, { nullable: true }) role: Role | null,
    @Arg('organisationCode', () => String, { nullable: true }) organisationCode: string | null,
  ) {
    return ctx.services.admin.lists.users(ctx, { first, after }, { search, role, organisationCode });
  }

  @Query(() => ManagedExecutionCaseConnection, {
    nullable: true,
    description: 'ADMIN: execution cases with their respondents as filed and assigned clerks, newest filing first.',
  })
  managedExecutionCases(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('search', () => String, { nullable: true, description: `Case number, court or respondent name. ${SEARCH}` }) search: string | null,
    @Arg('status', () => ExecutionCaseStatusEnum, { nullable: true }) status: string | null,
  ) {
    return ctx.services.admin.lists.executionCases(ctx, { first, after }, { search, status });
  }

  @Query(() => ManagedBankruptcyCaseConnection, {
    nullable: true,
    description: 'ADMIN: bankruptcy cases with their debtor as filed and appointments, newest acceptance first.',
  })
  managedBankruptcyCases(
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('search', () => String, { nullable: true, description: `Case or ruling number, court or debtor name. ${SEARCH}` }) search: string | null,
    @Arg('status', () => BankruptcyCaseStatusEnum, { nullable: true }) status: string | null,
  ) {
    return ctx.services.admin.lists.bankruptcyCases(ctx, { first, after }, { search, status });
  }
}
