import type { SubjectView } from '../../schema/subject.type';
import type { SocialSecurityBundle } from './social-security.connector';
import type { SocialSecurity } from './social-security.type';

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
    medical: p ? { plan: p.medicalPlan, accountBalance: p.medicalAccountBalance, designatedHospital: p.designatedHospital } : null,
    insuredEmployeeCount: e?.insuredEmployeeCount ?? null,
    arrearsAmount: e?.arrearsAmount ?? null,
    arrearsSince: e?.arrearsSince ?? null,
  };
}
