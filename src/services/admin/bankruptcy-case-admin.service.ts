import { acceptBankruptcy } from '../../bankruptcy/acceptance';
import { closeBankruptcy } from '../../bankruptcy/closing';
import { dateOf } from '../../control/clock';
import type { RequestContext } from '../../context';
import { AdministratorAppointment, BankruptcyCase, Organisation } from '../../entities/hub';
import { normaliseCaseNo, parseCaseNo } from '../../ids/case-number';
import type { AppointAdministratorInput, CloseBankruptcyCaseInput, CreateBankruptcyCaseInput } from '../../schema/admin/admin.input';
import type { ManagedBankruptcyCaseType } from '../../schema/admin/managed.type';
import { badUserInput, conflict, notFound } from '../../schema/error-codes';
import { caseNoArgument } from '../case-number-argument';
import { courtOfCase } from './court-of-case';
import { pastDateArgument } from './date-argument';
import { lockCase } from './lock-case';
import { managedBankruptcyCase } from './managed-views';
import { organisationCodeArgument } from './organisation-admin.service';
import { requireOperation } from './require-operation';
import { subjectIdArgument } from '../subject-id-argument';
import { textArgument } from './text-argument';
import { isUniqueViolation } from './unique-violation';
import { upsertSubjects } from './upsert-subjects';

// 指定管理人决定书 numbers are the case number, optionally with an ordinal suffix: (2024)皖1524破1号之一.
const DECISION_SUFFIX = /之[一二三四五六七八九十\d]{1,4}$/u;

/**
 * Bankruptcy cases and administrator appointments. An administrator reads only under an appointment that has a
 * decision number, has not ended and is within its dates, of a case with an acceptance ruling that is not closed.
 */
export class BankruptcyCaseAdminService {
  async create(ctx: RequestContext, input: CreateBankruptcyCaseInput): Promise<ManagedBankruptcyCaseType> {
    requireOperation(ctx, 'Mutation.createBankruptcyCase');
    const caseNo = caseNoArgument('input.caseNo', input.caseNo, 'BANKRUPTCY');
    const parsed = parseCaseNo(caseNo)!;
    const acceptedOn = pastDateArgument('input.acceptedOn', input.acceptedOn, ctx.services.bankruptcy.runtime.clock.now(), parsed.year);
    const acceptanceRulingNo = caseNoArgument('input.acceptanceRulingNo', input.acceptanceRulingNo, 'BANKRUPTCY');
    if (parseCaseNo(acceptanceRulingNo)!.courtCode !== parsed.courtCode) {
      throw badUserInput('input.acceptanceRulingNo', `must be a ruling of the court of the case (${parsed.courtCode})`);
    }
    const debtor = subjectIdArgument('input.debtor.idNumber', input.debtor.idNumber, 'ENTERPRISE');
    const debtorName = textArgument('input.debtor.name', input.debtor.name, { max: 200 });
    try {
      return await ctx.hub.transaction(async (m) => {
        const court = await courtOfCase(m, caseNo, 'input.caseNo');
        if (await m.getRepository(BankruptcyCase).existsBy({ caseNo })) throw duplicate(caseNo);
        const [debtorId] = await upsertSubjects(m, [{ ...debtor, name: debtorName }]);
        const saved = await m
          .getRepository(BankruptcyCase)
          .save(
            m.create(BankruptcyCase, { caseNo, courtId: court.id, debtorId, acceptanceRulingNo, status: 'ACCEPTED', acceptedOn, closedAt: null }),
          );
        await acceptBankruptcy(m, ctx.services.bankruptcy.runtime, saved, {
          username: ctx.viewer.username,
          organisationCode: ctx.viewer.organisationCode,
        });
        return managedBankruptcyCase(m, saved.id);
      });
    } catch (error) {
      throw isUniqueViolation(error) ? duplicate(caseNo) : error;
    }
  }

  /** One administrator at a time: an appointment may not overlap another that has not ended. */
  async appoint(ctx: RequestContext, input: AppointAdministratorInput): Promise<ManagedBankruptcyCaseType> {
    requireOperation(ctx, 'Mutation.appointAdministrator');
    const caseNo = caseNoArgument('input.caseNo', input.caseNo, 'BANKRUPTCY');
    const firmCode = organisationCodeArgument('input.firmCode', input.firmCode);
    const decisionNo = decisionNoArgument(input.decisionNo, caseNo);
    const { validFrom, validTo } = input;
    if (validTo !== null && validTo !== undefined && validTo < validFrom) throw badUserInput('input.validTo', 'must not be before input.validFrom');
    return ctx.hub.transaction(async (m) => {
      const c = await lockCase(m, BankruptcyCase, caseNo);
      if (c.status === 'CLOSED') throw badUserInput('input.caseNo', `case ${caseNo} is closed`);
      if (validFrom < c.acceptedOn) throw badUserInput('input.validFrom', `must not be before the case was accepted (${c.acceptedOn})`);
      const firm = await m.getRepository(Organisation).findOneBy({ code: firmCode });
      if (!firm) throw notFound(`No organisation with code ${firmCode}`);
      if (firm.kind !== 'ADMINISTRATOR_FIRM') throw badUserInput('input.firmCode', `${firmCode} is a ${firm.kind}, not an ADMINISTRATOR_FIRM`);
      if (firm.disabledAt) throw badUserInput('input.firmCode', `${firmCode} is disabled`);
      const overlapping = await m
        .getRepository(AdministratorAppointment)
        .createQueryBuilder('a')
        .innerJoinAndSelect('a.firm', 'f')
        .where('a.case_id = :caseId AND a.ended_at IS NULL', { caseId: c.id })
        .andWhere('(a.valid_to IS NULL OR a.valid_to >= :validFrom::date)', { validFrom })
        .andWhere('(:validTo::date IS NULL OR a.valid_from <= :validTo::date)', { validTo: validTo ?? null })
        .getOne();
      if (overlapping) {
        throw badUserInput(
          'input.validFrom',
          `${caseNo} already has an administrator (${overlapping.firm!.code}, ${overlapping.decisionNo ?? 'no decision number'}) for an overlapping period; end that appointment first`,
        );
      }
      await m
        .getRepository(AdministratorAppointment)
        .insert({ caseId: c.id, firmId: firm.id, decisionNo, validFrom, validTo: validTo ?? null, endedAt: null });
      return managedBankruptcyCase(m, c.id);
    });
  }

  /** Ends the firm's current appointment at once; its administrators' next read is refused. */
  async endAppointment(ctx: RequestContext, rawCaseNo: string, rawFirmCode: string): Promise<ManagedBankruptcyCaseType> {
    requireOperation(ctx, 'Mutation.endAppointment');
    const caseNo = caseNoArgument('caseNo', rawCaseNo, 'BANKRUPTCY');
    const firmCode = organisationCodeArgument('firmCode', rawFirmCode);
    return ctx.hub.transaction(async (m) => {
      const c = await lockCase(m, BankruptcyCase, caseNo);
      const firm = await m.getRepository(Organisation).findOneBy({ code: firmCode });
      if (!firm) throw notFound(`No organisation with code ${firmCode}`);
      const result = await m
        .createQueryBuilder()
        .update(AdministratorAppointment)
        .set({ endedAt: ctx.services.bankruptcy.runtime.clock.now() })
        .where('case_id = :caseId AND firm_id = :firmId AND ended_at IS NULL', { caseId: c.id, firmId: firm.id })
        .execute();
      if (!result.affected) throw notFound(`${firmCode} has no current appointment in ${caseNo}`);
      return managedBankruptcyCase(m, c.id);
    });
  }

  /**
   * The end of a bankruptcy case by its ruling (the operator, or a JUDGE of the case's court): dismissed, withdrawn or
   * concluded, on a date not in the future and not before the acceptance. The suspended executions resume or
   * terminate accordingly (bankruptcy/closing.ts); no one reads the debtor any more.
   */
  async close(ctx: RequestContext, rawCaseNo: string, input: CloseBankruptcyCaseInput): Promise<ManagedBankruptcyCaseType> {
    requireOperation(ctx, 'Mutation.closeBankruptcyCase');
    const caseNo = caseNoArgument('caseNo', rawCaseNo, 'BANKRUPTCY');
    const rulingNo = decisionNoArgument(input.rulingNo, caseNo, 'input.rulingNo');
    const runtime = ctx.services.bankruptcy.runtime;
    const now = runtime.clock.now();
    if (input.date > dateOf(now)) throw badUserInput('input.date', 'must not be in the future');
    return ctx.hub.transaction(async (m) => {
      const c = await lockCase(m, BankruptcyCase, caseNo);
      // A judge closes only the cases of their own court; others are not theirs to see.
      if (ctx.viewer.role === 'JUDGE' && c.courtId !== ctx.viewer.organisationId) throw notFound(`No bankruptcy case ${caseNo} of your court`);
      if (c.status === 'CLOSED') throw conflict(`Case ${caseNo} is already closed`, 'CLOSED');
      if (input.date < c.acceptedOn) throw badUserInput('input.date', `must not be before the case was accepted (${c.acceptedOn})`);
      await m
        .getRepository(BankruptcyCase)
        .update({ id: c.id }, { status: 'CLOSED', closedAt: now, closingOutcome: input.outcome, closingRulingNo: rulingNo, closedOn: input.date });
      await closeBankruptcy(
        m,
        runtime,
        c,
        { outcome: input.outcome, rulingNo, date: input.date },
        { username: ctx.viewer.username, organisationCode: ctx.viewer.organisationCode },
      );
      return managedBankruptcyCase(m, c.id);
    });
  }
}

/** A decision or ruling in the case: the case number of its court, optionally followed by 之一, 之二… */
function decisionNoArgument(raw: string, caseNo: string, argument = 'input.decisionNo'): string {
  if (raw.length > 60) throw badUserInput(argument, 'must be at most 60 characters');
  const value = normaliseCaseNo(raw);
  const base = value.replace(DECISION_SUFFIX, '');
  caseNoArgument(argument, base, 'BANKRUPTCY');
  if (parseCaseNo(base)!.courtCode !== parseCaseNo(caseNo)!.courtCode) {
    throw badUserInput(argument, `must be a decision of the court of the case (${parseCaseNo(caseNo)!.courtCode})`);
  }
  return value;
}

function duplicate(caseNo: string) {
  return badUserInput('input.caseNo', `bankruptcy case ${caseNo} already exists`);
}
