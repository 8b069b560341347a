import type { EntityManager } from 'typeorm';
import { AdministratorAppointment, BankruptcyCase, ExecutionCase, Organisation, Subject, User } from '../../entities/hub';
import type { ManagedBankruptcyCaseType, ManagedExecutionCaseType, ManagedOrganisationType, ManagedUserType } from '../../schema/admin/managed.type';
import type { OrganisationType } from '../../schema/viewer.type';

// Read back what an admin operation wrote, in the operator's view: names as filed, no ID numbers, no records.

const publicOrganisation = (o: Organisation): OrganisationType => ({ code: o.code, name: o.name, kind: o.kind });

export function managedOrganisation(o: Organisation): ManagedOrganisationType {
  return { ...publicOrganisation(o), disabled: o.disabledAt !== null, source: o.source, declaredPurposes: o.declaredPurposes ?? [] };
}

export function managedUser(u: User & { organisation?: Organisation }): ManagedUserType {
  return {
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    organisation: publicOrganisation(u.organisation!),
    disabled: u.disabledAt !== null,
  };
}

export async function managedExecutionCase(m: EntityManager, caseId: string): Promise<ManagedExecutionCaseType> {
  const c = await m.getRepository(ExecutionCase).findOneOrFail({ where: { id: caseId }, relations: { court: true } });
  const respondents: Array<Pick<Subject, 'kind' | 'name'>> = await m.query(
    `SELECT s.kind, s.name FROM execution_case_respondent r JOIN subject s ON s.id = r.subject_id WHERE r.case_id = $1 ORDER BY s.kind DESC, s.name`,
    [caseId],
  );
  const clerks = await m
    .getRepository(User)
    .createQueryBuilder('u')
    .innerJoinAndSelect('u.organisation', 'o')
    .innerJoin('execution_case_clerk', 'k', 'k.user_id = u.id AND k.case_id = :caseId', { caseId })
    .orderBy('u.username')
    .getMany();
  return {
    caseNo: c.caseNo,
    court: publicOrganisation(c.court!),
    status: c.status,
    filedOn: c.filedOn,
    amountDue: c.amountDue,
    respondents: respondents.map((r) => ({ kind: r.kind, name: r.name })),
    clerks: clerks.map(managedUser),
  };
}

/** How the case ended, when its closing ruling is on record. */
export function closingOf(c: Pick<BankruptcyCase, 'closingOutcome' | 'closingRulingNo' | 'closedOn'>) {
  return c.closingOutcome && c.closingRulingNo && c.closedOn ? { outcome: c.closingOutcome, rulingNo: c.closingRulingNo, date: c.closedOn } : null;
}

export async function managedBankruptcyCase(m: EntityManager, caseId: string): Promise<ManagedBankruptcyCaseType> {
  const c = await m.getRepository(BankruptcyCase).findOneOrFail({ where: { id: caseId }, relations: { court: true, debtor: true } });
  const appointments = await m.getRepository(AdministratorAppointment).find({
    where: { caseId },
    relations: { firm: true },
    order: { validFrom: 'ASC', createdAt: 'ASC' },
  });
  return {
    caseNo: c.caseNo,
    court: publicOrganisation(c.court!),
    status: c.status,
    acceptedOn: c.acceptedOn,
    acceptanceRulingNo: c.acceptanceRulingNo,
    debtor: { kind: c.debtor!.kind, name: c.debtor!.name },
    appointments: appointments.map((a) => ({
      firm: publicOrganisation(a.firm!),
      decisionNo: a.decisionNo,
      validFrom: a.validFrom,
      validTo: a.validTo,
      ended: a.endedAt !== null,
    })),
    closing: closingOf(c),
  };
}
