import { address, phone, type Region } from '../../seed/chinese';
import { YEAR, dayBetween, iso, money, type WovenGenerator } from '../../seed/synthetic-chunk';

export interface InsuredPersonRow {
  idNumber: string;
  name: string;
  phone: string | null;
  address: string | null;
  insuredStatus: 'INSURED' | 'SUSPENDED' | 'TERMINATED';
  employerIdNumber: string | null;
  employerName: string | null;
  contributionBase: string | null;
  insuranceTypes: string[];
  medicalPlan: string | null;
  medicalAccountBalance: string | null;
  designatedHospital: string | null;
}
export interface InsuredEmployerRow {
  idNumber: string;
  name: string;
  insuredEmployeeCount: number;
  arrearsAmount: string;
  arrearsSince: string | null;
  registeredOn: string;
}
export type SocialSecurityRows = { persons: InsuredPersonRow[]; employers: InsuredEmployerRow[] };

const ALL_INSURANCE = ['PENSION', 'MEDICAL', 'UNEMPLOYMENT', 'WORK_INJURY', 'MATERNITY'];
const CONTRIBUTION_FLOOR = 4_227;
const CONTRIBUTION_CEILING = 21_135;
const MEDICAL_PLANS = ['城镇职工基本医疗保险', '城乡居民基本医疗保险'];

function hospitals(region: Region): string[] {
  const place = region.county.endsWith('区') ? region.city : region.county;
  return [`${place}人民医院`, `${place}中医院`];
}

/**
 * Employed persons insured through their employer (all five insurances), most others on their own or retired; every
 * enterprise an insured employer, some in arrears of contributions (which marks them troubled).
 */
export const socialSecuritySynthetic: WovenGenerator<SocialSecurityRows> = {
  start(chunk) {
    const rows: SocialSecurityRows = { persons: [], employers: [] };
    const rng = chunk.stream('social security');
    for (const p of chunk.persons) {
      const employer = p.employer;
      if (!employer && !rng.chance(0.9)) continue;
      let status: InsuredPersonRow['insuredStatus'] = 'INSURED';
      let base: number | null = null;
      let types: string[];
      if (employer) {
        base = Math.min(CONTRIBUTION_CEILING, Math.max(CONTRIBUTION_FLOOR, employer.averageBase * (0.6 + rng.next())));
        types = ALL_INSURANCE;
      } else if (p.age > 60) {
        types = ['MEDICAL']; // retired: drawing a pension, no contributions
      } else {
        const r = rng.next();
        status = r < 0.55 ? 'INSURED' : r < 0.8 ? 'SUSPENDED' : 'TERMINATED';
        base = status === 'TERMINATED' ? null : rng.int(CONTRIBUTION_FLOOR, 8_000);
        types = status === 'TERMINATED' ? [] : ['PENSION', 'MEDICAL'];
      }
      const employee = employer !== null || p.age > 60;
      rows.persons.push({
        idNumber: p.idNumber,
        name: p.name,
        phone: rng.chance(0.95) ? phone(rng) : null,
        address: address(rng, p.region),
        insuredStatus: status,
        employerIdNumber: employer?.idNumber ?? null,
        employerName: employer?.name ?? null,
        contributionBase: base === null ? null : money(Math.round(base)),
        insuranceTypes: types,
        medicalPlan: types.includes('MEDICAL') ? MEDICAL_PLANS[employee ? 0 : 1] : null,
        medicalAccountBalance: types.includes('MEDICAL') && employee ? money(rng.int(0, 2_000_000) / 100) : null,
        designatedHospital: types.includes('MEDICAL') ? rng.pick(hospitals(p.region)) : null,
      });
    }
    for (const e of chunk.enterprises) {
      let arrears = 0;
      let since: number | null = null;
      if (e.employees > 0 && rng.chance(0.08)) {
        const months = rng.int(2, 18);
        arrears = Math.round(e.employees * e.averageBase * 0.16 * months);
        since = chunk.asOf - months * 30;
        e.troubled = true;
      }
      rows.employers.push({
        idNumber: e.idNumber,
        name: e.name,
        insuredEmployeeCount: e.employees,
        arrearsAmount: money(arrears),
        arrearsSince: since === null ? null : iso(since),
        registeredOn: iso(dayBetween(rng, e.registeredDay + 30, e.registeredDay + YEAR)),
      });
    }
    return { rows };
  },
};
