import { address, regionByCode } from '../../seed/chinese';
import { countyFullName } from '../../seed/synthetic-catalogue';
import type { SyntheticChunk } from '../../seed/synthetic-rows';

const SCOPES = [
  '建筑材料销售',
  '茶叶种植、加工与销售',
  '农副产品收购与销售',
  '通用机械制造与维修',
  '道路货物运输',
  '餐饮服务',
  '服装加工与销售',
  '电子产品销售',
];
const plusYears = (isoDay: string, years: number) => `${Number(isoDay.slice(0, 4)) + years}${isoDay.slice(4)}`.replace(/-02-29$/, '-02-28');

/**
 * Every enterprise registered (troubled ones sometimes revoked), its legal representative holding most of it and
 * often another person of the chunk the rest; some enterprises hold shares in another; open cases freeze some of
 * their respondents' equity.
 */
export function generateMarketSupervision(chunk: SyntheticChunk): Record<string, object[]> {
  const rng = chunk.random('registrations');
  const persons = new Map(chunk.persons.map((p) => [p.idNumber, p]));
  const registrations = chunk.enterprises.map((e) => ({
    creditCode: e.idNumber,
    name: e.name,
    status: e.troubled && rng.chance(0.15) ? 'REVOKED' : 'EXISTING',
    registeredAddress: address(rng, e.regionCode),
    legalRepresentativeName: persons.get(e.legalRepresentativeIdNumber)?.name ?? '',
    legalRepresentativeIdNumber: e.legalRepresentativeIdNumber,
    registeredCapital: (rng.pick([10, 30, 50, 100, 200, 500, 1000, 3000]) * 10_000).toFixed(2),
    establishedOn: chunk.day(-rng.int(365, 25 * 365)),
    businessScope: rng.pick(SCOPES),
    registrationAuthority: `${countyFullName(regionByCode(e.regionCode)!)}市场监督管理局`,
  }));

  const shares = chunk.random('shareholdings');
  const shareholdings: Array<Record<string, unknown> & { id: string; holderIdNumber: string }> = [];
  const hold = (holder: { idNumber: string; name: string }, target: (typeof registrations)[number], percent: number) => {
    const appraised = shares.chance(0.05);
    const value = (Number(target.registeredCapital) * percent) / 100;
    shareholdings.push({
      id: chunk.uuid(),
      holderIdNumber: holder.idNumber,
      holderName: holder.name,
      targetCreditCode: target.creditCode,
      targetName: target.name,
      sharePercent: percent.toFixed(4),
      subscribedCapital: value.toFixed(2),
      appraisedValue: appraised ? (value * (0.3 + shares.next() * 1.5)).toFixed(2) : null,
      appraisedOn: appraised ? chunk.day(-shares.int(30, 3 * 365)) : null,
      appraisalBasis: appraised ? 'APPRAISAL' : null,
    });
  };
  registrations.forEach((target, i) => {
    const rep = persons.get(target.legalRepresentativeIdNumber);
    const repShare = shares.chance(0.5) ? 100 : shares.int(40, 90);
    if (rep) hold(rep, target, repShare);
    const other = chunk.persons[shares.int(0, chunk.persons.length - 1)];
    if (repShare < 100 && other && other.idNumber !== target.legalRepresentativeIdNumber) hold(other, target, 100 - repShare);
    const parent = chunk.enterprises[shares.int(0, chunk.enterprises.length - 1)];
    if (registrations.length > 1 && shares.chance(0.2) && parent.idNumber !== target.creditCode)
      hold(parent, registrations[(i + 1) % registrations.length], shares.int(5, 30));
  });

  const byHolder = new Map<string, typeof shareholdings>();
  for (const s of shareholdings) byHolder.set(s.holderIdNumber, [...(byHolder.get(s.holderIdNumber) ?? []), s]);
  const freezes: object[] = [];
  const cases = chunk.random('freezes');
  for (const c of chunk.executionCases) {
    if (c.closedOn !== null) continue;
    for (const idNumber of c.respondentIdNumbers) {
      for (const s of byHolder.get(idNumber) ?? []) {
        if (!cases.chance(0.4)) continue;
        freezes.push({
          id: chunk.uuid(),
          shareholdingId: s.id,
          court: c.court,
          caseNo: c.caseNo,
          rank: 0,
          frozenOn: c.filedOn,
          expiresOn: plusYears(c.filedOn, 3),
          releasedOn: null,
        });
      }
    }
  }
  return { registrations, shareholdings, freezes };
}
