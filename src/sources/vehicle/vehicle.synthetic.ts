import { vin } from '../../seed/chinese';
import { bankBranches } from '../../seed/synthetic-catalogue';
import {
  YEAR,
  dayBetween,
  iso,
  money,
  toDay,
  yearOf,
  type ReferenceValueColumns,
  type SyntheticParty,
  type WovenGenerator,
} from '../../seed/synthetic-chunk';
import { PLATE_SPACE, plateAt } from '../../seed/unique-codes';
import type { EncumbranceRow } from '../property/property.synthetic';
import type { VehicleStatus } from './entities/vehicle.entity';

export interface VehicleRow extends ReferenceValueColumns {
  id: string;
  plate: string;
  vin: string;
  make: string;
  model: string;
  ownerIdNumber: string;
  ownerName: string;
  registeredOn: string;
  status: VehicleStatus;
}
export interface VehicleEncumbranceRow extends EncumbranceRow {
  vehicleId: string;
}
export type VehicleRows = { vehicles: VehicleRow[]; encumbrances: VehicleEncumbranceRow[] };

const AUTO_FINANCE = ['上汽通用汽车金融有限责任公司', '比亚迪汽车金融有限公司', '大众汽车金融(中国)有限公司'];

const VEHICLE_MODELS: Array<{ make: string; models: string[]; commercial?: boolean }> = [
  { make: '比亚迪', models: ['秦PLUS', '宋PLUS', '汉', '元PLUS', '海豚'] },
  { make: '大众', models: ['朗逸', '速腾', '帕萨特', '途观L'] },
  { make: '丰田', models: ['卡罗拉', '凯美瑞', 'RAV4荣放'] },
  { make: '本田', models: ['思域', '雅阁', 'CR-V'] },
  { make: '吉利', models: ['帝豪', '博越', '星越L'] },
  { make: '长安', models: ['逸动', 'CS75 PLUS'] },
  { make: '五菱', models: ['宏光MINIEV', '宏光S'] },
  { make: '奇瑞', models: ['瑞虎8', '艾瑞泽5'] },
  { make: '江淮', models: ['瑞风S3', '帅铃T6'], commercial: true },
  { make: '东风', models: ['天锦', '多利卡'], commercial: true },
];

/**
 * Vehicles for about a third of persons and some enterprises (half of theirs commercial), old ones sometimes scrapped,
 * some mortgaged to a finance company or bank; courts seize respondents' vehicles, and a vehicle's status follows its
 * encumbrances still in force.
 */
export const vehicleSynthetic: WovenGenerator<VehicleRows> = {
  // Its draws on the shared id and reference-value streams follow those of property.
  after: ['property'],
  start(chunk) {
    const rows: VehicleRows = { vehicles: [], encumbrances: [] };
    const held = new Map<string, VehicleRow[]>();
    const rng = chunk.stream('vehicles');
    const plates = chunk.permutation(PLATE_SPACE, 'plates');
    const { asOf, layout } = chunk;

    const addVehicle = (owner: SyntheticParty, plateIndex: number) => {
      const commercial = owner.kind === 'ENTERPRISE' && rng.chance(0.5);
      const choice = rng.pick(VEHICLE_MODELS.filter((m) => (m.commercial ?? false) === commercial));
      const registered = dayBetween(rng, toDay('2008-01-01'), asOf - 30);
      const scrapped = registered < toDay('2013-01-01') && rng.chance(0.35);
      const vehicle: VehicleRow = {
        id: chunk.uuid(),
        plate: plateAt(plateIndex),
        vin: vin(rng),
        make: choice.make,
        model: rng.pick(choice.models),
        ownerIdNumber: owner.idNumber,
        ownerName: owner.name,
        registeredOn: iso(registered),
        status: scrapped ? 'SCRAPPED' : 'NORMAL',
        ...chunk.referenceValue(scrapped ? 0 : 0.6, (commercial ? 250_000 : 160_000) * Math.pow(0.85, yearOf(asOf) - yearOf(registered)), [
          'ONLINE_INQUIRY',
          'APPRAISAL',
        ]),
      };
      held.set(owner.idNumber, [...(held.get(owner.idNumber) ?? []), vehicle]);
      rows.vehicles.push(vehicle);
      if (scrapped || !rng.chance(0.2)) return;
      const mortgaged = dayBetween(rng, registered, Math.min(asOf - 7, registered + 30));
      const released = mortgaged < asOf - 5 * YEAR || rng.chance(0.3) ? dayBetween(rng, mortgaged + 30, Math.min(asOf, mortgaged + 5 * YEAR)) : null;
      const holder = rng.chance(0.5) ? rng.pick(AUTO_FINANCE) : rng.pick(bankBranches(owner.region));
      rows.encumbrances.push({
        id: chunk.uuid(),
        vehicleId: vehicle.id,
        kind: 'MORTGAGE',
        holder,
        caseNo: null,
        amount: money(rng.int(30, 200) * 1000),
        registeredOn: iso(mortgaged),
        releasedOn: released === null ? null : iso(released),
      });
    };

    for (const [k, p] of chunk.persons.entries()) {
      if (rng.chance(0.35)) addVehicle(p, plates.at(layout.personFrom + k));
    }
    for (const [k, e] of chunk.enterprises.entries()) {
      if (!rng.chance(0.4)) continue;
      const slot = layout.persons + 3 * (layout.enterpriseFrom + k);
      for (let n = rng.int(1, 3) - 1; n >= 0; n--) addVehicle(e, plates.at(slot + n));
    }

    return {
      rows,
      seize(c, party, seizures) {
        for (const vehicle of held.get(party.idNumber) ?? []) {
          if (vehicle.status === 'SCRAPPED' || !seizures.chance(c.closedDay === null ? 0.5 : 0.3)) continue;
          const latest = c.closedDay === null ? asOf - 1 : c.closedDay - 1;
          rows.encumbrances.push({
            id: chunk.uuid(),
            vehicleId: vehicle.id,
            kind: 'SEIZURE',
            holder: c.court.name,
            caseNo: c.caseNo,
            amount: null,
            registeredOn: iso(Math.min(latest, c.filedDay + seizures.int(7, 90))),
            releasedOn: c.closedDay === null ? null : iso(c.closedDay),
          });
        }
      },
      afterCases() {
        const inForce = new Map<string, VehicleEncumbranceRow[]>();
        for (const e of rows.encumbrances) if (e.releasedOn === null) inForce.set(e.vehicleId, [...(inForce.get(e.vehicleId) ?? []), e]);
        for (const v of rows.vehicles) {
          if (v.status === 'SCRAPPED') continue;
          const active = inForce.get(v.id) ?? [];
          v.status = active.some((e) => e.kind === 'SEIZURE') ? 'SEIZED' : active.some((e) => e.kind === 'MORTGAGE') ? 'MORTGAGED' : 'NORMAL';
        }
      },
    };
  },
};
