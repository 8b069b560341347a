import type { CreditBundle } from '../sources/credit.connector';
import type { SocialSecurityBundle } from '../sources/social-security.connector';
import type { TaxBundle } from '../sources/tax.connector';
import type { CreditRecord, LinkedPerson, SocialSecurity, TaxRecord } from '../schema/records.type';
import type { SubjectView } from '../schema/subject.type';

function sum(amounts: string[]): string {
  // Integer cents: exact for any realistic total.
  const cents = amounts.reduce((acc, a) => acc + BigInt(Math.round(Number(a) * 100)), 0n);
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

export function toTaxRecord(b: TaxBundle): TaxRecord {
  const p = b.profile;
  const rep: LinkedPerson | null =
    p?.legalRepresentativeIdNumber && p.legalRepresentativeName
      ? ({ name: p.legalRepresentativeName, idNumber: p.legalRepresentativeIdNumber } as LinkedPerson)
      : null;
  return {
    registered: p !== null,
    taxAuthority: p?.taxAuthority ?? null,
    creditGrade: p?.creditGrade ?? null,
    legalRepresentative: rep,
    filings: b.filings,
    arrears: b.arrears,
    refundsDue: b.refunds.filter((r) => r.status !== 'PAID'),
    totalArrears: sum(b.arrears.flatMap((a) => [a.amount, a.lateFee])),
  };
}

/** Social security of a person or an enterprise; `subjectIdNumber` lets the employees field find the enterprise. */
export function toSocialSecurity(b: SocialSecurityBundle, subject: SubjectView): SocialSecurity & { subjectIdNumber: string; subjectKind: string } {
  const p = b.person;
  const e = b.employer;
  return {
    subjectIdNumber: subject.idNumber,
    subjectKind: subject.kind,
    registered: p !== null || e !== null,
    insuredStatus: p?.insuredStatus ?? null,
    employer: p?.employerIdNumber ? { name: p.employerName, idNumber: p.employerIdNumber } : null,
    contributionBase: p?.contributionBase ?? null,
    insuranceTypes: p?.insuranceTypes ?? null,
    medical: p
      ? { plan: p.medicalPlan, accountBalance: p.medicalAccountBalance, designatedHospital: p.designatedHospital }
      : null,
    insuredEmployeeCount: e?.insuredEmployeeCount ?? null,
    arrearsAmount: e?.arrearsAmount ?? null,
    arrearsSince: e?.arrearsSince ?? null,
  };
}

export function toCreditRecord(b: CreditBundle): CreditRecord {
  return { ...b, dishonest: b.dishonestEntries.some((e) => e.removedOn === null) };
}
