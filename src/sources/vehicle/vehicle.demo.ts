import type { EntityManager } from 'typeorm';
import type { DemoIdentities } from '../../seed/demo-identities';
import { DEMO } from '../../seed/demo-identities';
import { Vehicle, VehicleEncumbrance } from './entities';

/** A reference value (参考价): yuan, date, basis. */
type Value = [string, string, Vehicle['referenceValueBasis']];
const reference = (v?: Value) => ({ referenceValue: v?.[0] ?? null, referenceValueOn: v?.[1] ?? null, referenceValueBasis: v?.[2] ?? null });

export async function seedVehicleDemo(m: EntityManager, p: DemoIdentities): Promise<void> {
  const vehicle = (
    owner: { name: string; id: string },
    plate: string,
    vinNo: string,
    make: string,
    model: string,
    registeredOn: string,
    status: Vehicle['status'],
    value?: Value,
  ) =>
    m.save(
      m.create(Vehicle, {
        ownerIdNumber: owner.id,
        ownerName: owner.name,
        plate,
        vin: vinNo,
        make,
        model,
        registeredOn,
        status,
        ...reference(value),
      }),
    );
  const car = await vehicle(p.zhangWei, '皖N·8K265', p.vins[0], '大众', '帕萨特', '2020-09-10', 'MORTGAGED', [
    '98000.00',
    '2024-03-25',
    'ONLINE_INQUIRY',
  ]);
  await m.save(
    m.create(VehicleEncumbrance, {
      vehicleId: car.id,
      kind: 'MORTGAGE',
      holder: '上汽通用汽车金融有限责任公司',
      caseNo: null,
      amount: '120000.00',
      registeredOn: '2020-09-10',
      releasedOn: null,
    }),
  );
  const suv = await vehicle(p.liNa, '皖N·3A917', p.vins[1], '丰田', 'RAV4荣放', '2021-03-18', 'SEIZED', ['132000.00', '2024-04-20', 'APPRAISAL']);
  await m.save(
    m.create(VehicleEncumbrance, {
      vehicleId: suv.id,
      kind: 'SEIZURE',
      holder: '金寨县人民法院',
      caseNo: DEMO.clerkCase2,
      amount: null,
      registeredOn: '2024-04-15',
      releasedOn: null,
    }),
  );
  await vehicle(p.huaxing, '皖N·D5521', p.vins[2], '东风', '天龙KL 自卸车', '2019-07-01', 'NORMAL', ['215000.00', '2024-03-28', 'ONLINE_INQUIRY']);
  await vehicle(p.hongda, '皖N·H0886', p.vins[3], '江淮', '帅铃 轻型货车', '2018-05-23', 'NORMAL', ['36000.00', '2024-07-15', 'APPRAISAL']);
}
