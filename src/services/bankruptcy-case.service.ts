import { may } from '../auth/policy';
import type { RequestContext } from '../context';
import { dateOf } from '../control/clock';
import { AdministratorAppointment } from '../entities/hub/administrator-appointment.entity';
import type { BankruptcyCase } from '../entities/hub/bankruptcy-case.entity';
import { forbidden } from '../schema/error-codes';
import { caseNoArgument } from './case-number-argument';
import { NO_CASE_ACCESS } from './execution-case.service';
import { checkFirst, connectionOf, decodeDateIdCursor, encodeCursor, type PageArgs } from './pagination';

export interface BoundBankruptcyCase {
  bankruptcyCase: BankruptcyCase;
  appointment: AdministratorAppointment;
}

/**
 * An administrator reads a bankruptcy case only through a valid appointment of their firm, and only with both the
 * acceptance ruling and the appointment decision on record (seed 000 item 18). Dates are court-local (UTC+8), today
 * by the hub's clock.
 */
export class BankruptcyCaseService {
  async findForViewer(ctx: RequestContext, rawCaseNo: string): Promise<BoundBankruptcyCase> {
    const caseNo = caseNoArgument('caseNo', rawCaseNo, 'BANKRUPTCY');
    if (!may(ctx.viewer, 'Query.bankruptcyCase')) throw forbidden(NO_CASE_ACCESS);
    const appointment = await this.validAppointments(ctx).andWhere('c.case_no = :caseNo', { caseNo }).getOne();
    if (!appointment?.case) throw forbidden(NO_CASE_ACCESS);
    return { bankruptcyCase: appointment.case, appointment };
  }

  async listForViewer(ctx: RequestContext, page: PageArgs) {
    checkFirst(page.first);
    if (!may(ctx.viewer, 'Query.myBankruptcyCases')) throw forbidden('Your role has no bankruptcy cases');
    const base = this.validAppointments(ctx);
    const totalCount = await base.clone().getCount();
    const query = base
      .orderBy('c.accepted_on', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(page.first + 1);
    if (page.after) {
      const [acceptedOn, id] = decodeDateIdCursor(page.after);
      query.andWhere('(c.accepted_on, c.id) < (:acceptedOn::date, :id::uuid)', { acceptedOn, id });
    }
    const rows = (await query.getMany()).map((a) => ({ bankruptcyCase: a.case!, appointment: a }));
    return connectionOf(rows, page.first, (r) => encodeCursor(r.bankruptcyCase.acceptedOn, r.bankruptcyCase.id), totalCount);
  }

  private validAppointments(ctx: RequestContext) {
    // Today at the courts by the hub's clock (control/clock.ts), the one every other deadline is counted by.
    const today = dateOf(ctx.services.bankruptcy.runtime.clock.now());
    return ctx.hub
      .getRepository(AdministratorAppointment)
      .createQueryBuilder('a')
      .innerJoinAndSelect('a.case', 'c')
      .innerJoinAndSelect('c.court', 'court')
      .innerJoinAndSelect('a.firm', 'firm')
      .where('a.firm_id = :firmId', { firmId: ctx.viewer.organisationId })
      .andWhere('a.ended_at IS NULL')
      .andWhere('a.decision_no IS NOT NULL')
      .andWhere('a.valid_from <= :today::date', { today })
      .andWhere('(a.valid_to IS NULL OR a.valid_to >= :today::date)', { today })
      .andWhere('c.acceptance_ruling_no IS NOT NULL')
      .andWhere("c.status <> 'CLOSED'");
  }
}
