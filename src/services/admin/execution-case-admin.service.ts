import type { RequestContext } from '../../context';
import { ExecutionCase, ExecutionCaseClerk, User } from '../../entities/hub';
import { parseCaseNo } from '../../ids/case-number';
import type { CreateExecutionCaseInput } from '../../schema/admin/admin.input';
import type { ManagedExecutionCaseType } from '../../schema/admin/managed.type';
import { badUserInput, notFound } from '../../schema/error-codes';
import { caseNoArgument } from '../case-number-argument';
import { closeCase } from './close-case';
import { courtOfCase } from './court-of-case';
import { pastDateArgument } from './date-argument';
import { lockCase } from './lock-case';
import { managedExecutionCase } from './managed-views';
import { may } from '../../auth/policy';
import { requireOperation } from './require-operation';
import { subjectIdArgument } from '../subject-id-argument';
import { textArgument } from './text-argument';
import { isUniqueViolation } from './unique-violation';
import { upsertSubjects, type PartyRow } from './upsert-subjects';
import { usernameArgument } from './user-admin.service';

export const MAX_RESPONDENTS = 50;

/** Execution cases: filing with respondents, clerk assignment, closing. A closed case gives no one access. */
export class ExecutionCaseAdminService {
  async create(ctx: RequestContext, input: CreateExecutionCaseInput): Promise<ManagedExecutionCaseType> {
    requireOperation(ctx, 'Mutation.createExecutionCase');
    const caseNo = caseNoArgument('input.caseNo', input.caseNo, 'EXECUTION');
    const filedOn = pastDateArgument('input.filedOn', input.filedOn, ctx.services.bankruptcy.runtime.clock.now(), parseCaseNo(caseNo)!.year);
    if (!(Number(input.amountDue) > 0)) throw badUserInput('input.amountDue', 'must be more than zero');
    const respondents = respondentsArgument(input.respondents);
    try {
      return await ctx.hub.transaction(async (m) => {
        const court = await courtOfCase(m, caseNo, 'input.caseNo');
        if (await m.getRepository(ExecutionCase).existsBy({ caseNo })) throw duplicate(caseNo);
        const saved = await m
          .getRepository(ExecutionCase)
          .save(m.create(ExecutionCase, { caseNo, courtId: court.id, status: 'ACTIVE', filedOn, amountDue: input.amountDue, closedAt: null }));
        const subjectIds = await upsertSubjects(m, respondents);
        await m.query(`INSERT INTO execution_case_respondent (case_id, subject_id) SELECT $1, unnest($2::uuid[])`, [saved.id, subjectIds]);
        return managedExecutionCase(m, saved.id);
      });
    } catch (error) {
      throw isUniqueViolation(error) ? duplicate(caseNo) : error;
    }
  }

  /** Only an enabled clerk of the case's own court may be assigned, and only to an active case. */
  async assignClerk(ctx: RequestContext, rawCaseNo: string, rawUsername: string): Promise<ManagedExecutionCaseType> {
    requireOperation(ctx, 'Mutation.assignClerk');
    const caseNo = caseNoArgument('caseNo', rawCaseNo, 'EXECUTION');
    const username = usernameArgument('username', rawUsername);
    return ctx.hub.transaction(async (m) => {
      const c = await lockCase(m, ExecutionCase, caseNo);
      if (c.status !== 'ACTIVE') throw badUserInput('caseNo', `case ${caseNo} is closed`);
      const user = await m.getRepository(User).findOneBy({ username });
      if (!user) throw notFound(`No user ${username}`);
      // Only a user whose role reads execution cases can be bound to one.
      if (!may(user, 'Query.executionCase')) throw badUserInput('username', `${username} is a ${user.role}, not a CLERK`);
      if (user.disabledAt) throw badUserInput('username', `${username} is disabled`);
      if (user.organisationId !== c.courtId) throw badUserInput('username', `${username} is not a clerk of the court that holds ${caseNo}`);
      if (await m.getRepository(ExecutionCaseClerk).existsBy({ caseId: c.id, userId: user.id })) {
        throw badUserInput('username', `${username} is already assigned to ${caseNo}`);
      }
      await m.getRepository(ExecutionCaseClerk).insert({ caseId: c.id, userId: user.id });
      return managedExecutionCase(m, c.id);
    });
  }

  async unassignClerk(ctx: RequestContext, rawCaseNo: string, rawUsername: string): Promise<ManagedExecutionCaseType> {
    requireOperation(ctx, 'Mutation.unassignClerk');
    const caseNo = caseNoArgument('caseNo', rawCaseNo, 'EXECUTION');
    const username = usernameArgument('username', rawUsername);
    return ctx.hub.transaction(async (m) => {
      const c = await lockCase(m, ExecutionCase, caseNo);
      const user = await m.getRepository(User).findOneBy({ username });
      if (!user) throw notFound(`No user ${username}`);
      const { affected } = await m.getRepository(ExecutionCaseClerk).delete({ caseId: c.id, userId: user.id });
      if (!affected) throw badUserInput('username', `${username} is not assigned to ${caseNo}`);
      return managedExecutionCase(m, c.id);
    });
  }

  async close(ctx: RequestContext, rawCaseNo: string): Promise<ManagedExecutionCaseType> {
    requireOperation(ctx, 'Mutation.closeExecutionCase');
    const caseNo = caseNoArgument('caseNo', rawCaseNo, 'EXECUTION');
    return ctx.hub.transaction(async (m) =>
      managedExecutionCase(m, await closeCase(m, ExecutionCase, caseNo, ctx.services.bankruptcy.runtime.clock.now())),
    );
  }
}

function respondentsArgument(respondents: CreateExecutionCaseInput['respondents']): PartyRow[] {
  if (respondents.length === 0) throw badUserInput('input.respondents', 'must name at least one respondent');
  if (respondents.length > MAX_RESPONDENTS) throw badUserInput('input.respondents', `must name at most ${MAX_RESPONDENTS} respondents`);
  const seen = new Map<string, number>();
  return respondents.map((r, i) => {
    const { idNumber, kind } = subjectIdArgument(`input.respondents[${i}].idNumber`, r.idNumber);
    if (seen.has(idNumber)) throw badUserInput(`input.respondents[${i}].idNumber`, `repeats input.respondents[${seen.get(idNumber)}]`);
    seen.set(idNumber, i);
    return { idNumber, kind, name: textArgument(`input.respondents[${i}].name`, r.name, { max: 200 }) };
  });
}

function duplicate(caseNo: string) {
  return badUserInput('input.caseNo', `execution case ${caseNo} already exists`);
}
