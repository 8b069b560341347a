import { address, unitCode, type Region } from '../../seed/chinese';
import type { Random } from '../../seed/random';
import { bankBranches } from '../../seed/synthetic-catalogue';
import {
  YEAR,
  dayBetween,
  iso,
  money,
  toDay,
  type ReferenceValueColumns,
  type SyntheticParty,
  type WovenGenerator,
} from '../../seed/synthetic-chunk';
import { CERTIFICATE_SPACE, certificateAt } from '../../seed/unique-codes';
import type { EncumbranceKind } from '../encumbrance-columns';

export interface RealEstateUnitRow extends ReferenceValueColumns {
  id: string;
  certificateNo: string;
  unitCode: string;
  ownerIdNumber: string;
  ownerName: string;
  location: string;
  use: string;
  area: string;
  registeredOn: string;
}
export interface EncumbranceRow {
  id: string;
  kind: EncumbranceKind;
  holder: string;
  caseNo: string | null;
  amount: string | null;
  registeredOn: string;
  releasedOn: string | null;
}
export interface RealEstateEncumbranceRow extends EncumbranceRow {
  unitId: string;
  expiresOn: string | null;
}
export type PropertyRows = { units: RealEstateUnitRow[]; encumbrances: RealEstateEncumbranceRow[] };

const RESIDENTIAL_USES = ['住宅', '住宅', '住宅', '住宅', '商业', '办公'];
const ENTERPRISE_USES = ['工业', '商业', '办公', '仓储'];
/** Area range (m²) and price (yuan per m²) by use. */
const USES: Record<string, [minArea: number, maxArea: number, price: number]> = {
  住宅: [55, 180, 6_000],
  商业: [20, 300, 9_000],
  办公: [40, 400, 7_000],
  工业: [800, 30_000, 1_200],
  仓储: [300, 8_000, 1_000],
};
/** A real-estate seizure lasts three years (续封 renews it). */
const SEIZURE_TERM = 3 * YEAR;

/** Issuer named in a real-estate certificate: districts register at the city. */
function certificateIssuer(region: Region): string {
  return region.county.endsWith('区') ? region.city : region.county;
}

/**
 * Units for two persons in five and some enterprises (troubled ones likelier), many mortgaged to a bank of the county;
 * courts seize the units of open cases' respondents (renewed every three years), closed cases' seizures are released.
 */
export const propertySynthetic: WovenGenerator<PropertyRows> = {
  // Troubled enterprises (arrears of contributions or taxes) hold more property.
  after: ['socialSecurity', 'tax'],
  start(chunk) {
    const rows: PropertyRows = { units: [], encumbrances: [] };
    const held = new Map<string, RealEstateUnitRow[]>();
    const rng = chunk.stream('property');
    const certificates = chunk.permutation(CERTIFICATE_SPACE, 'certificates');
    const { asOf, layout } = chunk;

    const addUnit = (owner: SyntheticParty, certificateIndex: number) => {
      const { certificateNo, year } = certificateAt(certificateIndex, certificateIssuer(owner.region));
      const registered = Math.min(asOf - 30, toDay(`${year}-01-01`) + rng.int(0, 364));
      const use = owner.kind === 'PERSON' ? rng.pick(RESIDENTIAL_USES) : rng.pick(ENTERPRISE_USES);
      const [minArea, maxArea, price] = USES[use];
      const area = minArea + rng.next() * (maxArea - minArea);
      const unit: RealEstateUnitRow = {
        id: chunk.uuid(),
        certificateNo,
        unitCode: unitCode(rng, owner.region.code),
        ownerIdNumber: owner.idNumber,
        ownerName: owner.name,
        location: address(rng, owner.region),
        use,
        area: money(area),
        registeredOn: iso(registered),
        ...chunk.referenceValue(0.7, area * price, ['ONLINE_INQUIRY', 'APPRAISAL', 'TAX_ASSESSMENT']),
      };
      held.set(owner.idNumber, [...(held.get(owner.idNumber) ?? []), unit]);
      rows.units.push(unit);
      if (!rng.chance(owner.kind === 'PERSON' ? 0.35 : 0.45)) return;
      const mortgaged = dayBetween(rng, registered, Math.min(asOf - 7, registered + 60));
      const expires = mortgaged + (owner.kind === 'PERSON' ? rng.int(10, 30) : rng.int(1, 5)) * YEAR;
      const released = expires <= asOf ? expires - rng.int(0, 60) : rng.chance(0.15) ? dayBetween(rng, mortgaged + 30, asOf) : null;
      const amount = Math.round((area * price * (0.3 + 0.4 * rng.next())) / 1000) * 1000;
      rows.encumbrances.push({
        id: chunk.uuid(),
        unitId: unit.id,
        kind: 'MORTGAGE',
        holder: rng.pick(bankBranches(owner.region)),
        caseNo: null,
        amount: money(amount),
        registeredOn: iso(mortgaged),
        expiresOn: iso(expires),
        releasedOn: released === null ? null : iso(released),
      });
    };

    const personSlots = 2 * layout.persons;
    for (const [k, p] of chunk.persons.entries()) {
      if (!rng.chance(0.4)) continue;
      const count = rng.chance(0.8) ? 1 : 2;
      for (let n = 0; n < count; n++) addUnit(p, certificates.at(2 * (layout.personFrom + k) + n));
    }
    for (const [k, e] of chunk.enterprises.entries()) {
      if (!rng.chance(e.troubled ? 0.5 : 0.25)) continue;
      const slot = personSlots + 3 * (layout.enterpriseFrom + k);
      for (let n = rng.int(1, 3) - 1; n >= 0; n--) addUnit(e, certificates.at(slot + n));
    }

    return {
      rows,
      seize(c, party, seizures: Random) {
        for (const unit of held.get(party.idNumber) ?? []) {
          const seizure = { id: '', unitId: unit.id, kind: 'SEIZURE' as const, holder: c.court.name, caseNo: c.caseNo, amount: null };
          if (c.closedDay === null) {
            if (!seizures.chance(0.6)) continue;
            let registered = Math.min(asOf - 1, c.filedDay + seizures.int(7, 120));
            // An expiring seizure is renewed (续封); only the current registration is kept.
            while (registered + SEIZURE_TERM <= asOf) registered += SEIZURE_TERM;
            rows.encumbrances.push({
              ...seizure,
              id: chunk.uuid(),
              registeredOn: iso(registered),
              expiresOn: iso(registered + SEIZURE_TERM),
              releasedOn: null,
            });
          } else if (seizures.chance(0.3)) {
            const registered = c.filedDay + seizures.int(7, Math.max(7, Math.min(60, c.closedDay - c.filedDay - 1)));
            rows.encumbrances.push({
              ...seizure,
              id: chunk.uuid(),
              registeredOn: iso(registered),
              expiresOn: iso(registered + SEIZURE_TERM),
              releasedOn: iso(c.closedDay),
            });
          }
        }
      },
    };
  },
};
