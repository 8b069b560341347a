import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../context';
import {
  AppointAdministratorInput,
  CloseBankruptcyCaseInput,
  CreateBankruptcyCaseInput,
  CreateExecutionCaseInput,
} from '../../schema/admin/admin.input';
import { ManagedBankruptcyCaseType, ManagedExecutionCaseType } from '../../schema/admin/managed.type';

@Resolver()
export class CaseAdminResolver {
  @Mutation(() => ManagedExecutionCaseType, { nullable: true, description: 'ADMIN: file an execution case with its respondents.' })
  createExecutionCase(@Ctx() ctx: RequestContext, @Arg('input', () => CreateExecutionCaseInput) input: CreateExecutionCaseInput) {
    return ctx.services.admin.executionCases.create(ctx, input);
  }

  @Mutation(() => ManagedExecutionCaseType, { nullable: true, description: "ADMIN: assign an enabled clerk of the case's court." })
  assignClerk(@Ctx() ctx: RequestContext, @Arg('caseNo') caseNo: string, @Arg('username') username: string) {
    return ctx.services.admin.executionCases.assignClerk(ctx, caseNo, username);
  }

  @Mutation(() => ManagedExecutionCaseType, { nullable: true, description: 'ADMIN: remove a clerk from a case; their next read is refused.' })
  unassignClerk(@Ctx() ctx: RequestContext, @Arg('caseNo') caseNo: string, @Arg('username') username: string) {
    return ctx.services.admin.executionCases.unassignClerk(ctx, caseNo, username);
  }

  @Mutation(() => ManagedExecutionCaseType, { nullable: true, description: 'ADMIN: close an execution case; no one reads its respondents any more.' })
  closeExecutionCase(@Ctx() ctx: RequestContext, @Arg('caseNo') caseNo: string) {
    return ctx.services.admin.executionCases.close(ctx, caseNo);
  }

  @Mutation(() => ManagedBankruptcyCaseType, { nullable: true, description: 'ADMIN: record an accepted bankruptcy case with its acceptance ruling.' })
  createBankruptcyCase(@Ctx() ctx: RequestContext, @Arg('input', () => CreateBankruptcyCaseInput) input: CreateBankruptcyCaseInput) {
    return ctx.services.admin.bankruptcyCases.create(ctx, input);
  }

  @Mutation(() => ManagedBankruptcyCaseType, { nullable: true, description: 'ADMIN: appoint an administrator firm under a decision, for a period.' })
  appointAdministrator(@Ctx() ctx: RequestContext, @Arg('input', () => AppointAdministratorInput) input: AppointAdministratorInput) {
    return ctx.services.admin.bankruptcyCases.appoint(ctx, input);
  }

  @Mutation(() => ManagedBankruptcyCaseType, { nullable: true, description: "ADMIN: end a firm's current appointment; its next read is refused." })
  endAppointment(@Ctx() ctx: RequestContext, @Arg('caseNo') caseNo: string, @Arg('firmCode') firmCode: string) {
    return ctx.services.admin.bankruptcyCases.endAppointment(ctx, caseNo, firmCode);
  }

  @Mutation(() => ManagedBankruptcyCaseType, {
    nullable: true,
    description:
      'ADMIN, or a JUDGE of the case’s court: close a bankruptcy case by its ruling; its suspended executions resume (dismissed, withdrawn) or terminate (concluded); no one reads its debtor any more.',
  })
  closeBankruptcyCase(
    @Ctx() ctx: RequestContext,
    @Arg('caseNo') caseNo: string,
    @Arg('input', () => CloseBankruptcyCaseInput) input: CloseBankruptcyCaseInput,
  ) {
    return ctx.services.admin.bankruptcyCases.close(ctx, caseNo, input);
  }
}
