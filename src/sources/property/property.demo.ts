import type { EntityManager } from 'typeorm';
import type { DemoIdentities } from '../../seed/demo-identities';
import { DEMO } from '../../seed/demo-identities';
import { RealEstateEncumbrance, RealEstateUnit } from './entities';

/** A reference value (参考价): yuan, date, basis. */
type Value = [string, string, RealEstateUnit['referenceValueBasis']];
const reference = (v?: Value) => ({ referenceValue: v?.[0] ?? null, referenceValueOn: v?.[1] ?? null, referenceValueBasis: v?.[2] ?? null });

export async function seedPropertyDemo(m: EntityManager, p: DemoIdentities): Promise<void> {
  const unit = (
    owner: { name: string; id: string },
    certificateNo: string,
    unitCode: string,
    location: string,
    use: string,
    area: string,
    registeredOn: string,
    value?: Value,
  ) =>
    m.save(
      m.create(RealEstateUnit, {
        ownerIdNumber: owner.id,
        ownerName: owner.name,
        certificateNo,
        unitCode,
        location,
        use,
        area,
        registeredOn,
        ...reference(value),
      }),
    );
  const enc = (unitId: string, e: Partial<RealEstateEncumbrance>) =>
    m.save(m.create(RealEstateEncumbrance, { unitId, caseNo: null, amount: null, expiresOn: null, releasedOn: null, ...e }));

  const flat = await unit(
    p.zhangWei,
    '皖(2019)金寨县不动产权第0003127号',
    '341524001001GB00012F00010502',
    '安徽省六安市金寨县梅山镇红军路128号3栋502室',
    '住宅',
    '128.36',
    '2019-08-14',
    ['742000.00', '2024-03-25', 'ONLINE_INQUIRY'],
  );
  await enc(flat.id, { kind: 'MORTGAGE', holder: '中国工商银行金寨支行', amount: '600000.00', registeredOn: '2019-08-20', expiresOn: '2039-08-19' });
  await enc(flat.id, { kind: 'SEIZURE', holder: '金寨县人民法院', caseNo: DEMO.clerkCase, registeredOn: '2024-03-20', expiresOn: '2027-03-19' });
  await unit(
    p.zhangWei,
    '皖(2021)金寨县不动产权第0008841号',
    '341524003002GB00107F00020001',
    '安徽省六安市金寨县江店镇迎宾大道66号商铺1-02',
    '商业',
    '86.10',
    '2021-05-06',
    ['688800.00', '2023-12-01', 'TAX_ASSESSMENT'],
  );
  await unit(
    p.huaxing,
    '皖(2016)金寨县不动产权第0001204号',
    '341524101001GB00003F00000000',
    '安徽省六安市金寨县经济开发区笔架山路18号',
    '工业',
    '5240.00',
    '2016-11-30',
    ['4716000.00', '2024-03-28', 'APPRAISAL'],
  );
  const tea = await unit(
    p.hongda,
    '皖(2015)金寨县不动产权第0000962号',
    '341524102003GB00021F00000000',
    '安徽省六安市金寨县油坊店乡茶园路1号',
    '工业',
    '3180.50',
    '2015-04-12',
    ['2544400.00', '2024-07-15', 'APPRAISAL'],
  );
  await enc(tea.id, { kind: 'MORTGAGE', holder: '安徽金寨农村商业银行', amount: '2800000.00', registeredOn: '2020-06-01', expiresOn: '2025-05-31' });
  // Two courts' seizures: 六安中院's registered at the counter, 霍邱's through the hub waiting behind it (轮候).
  await enc(tea.id, {
    kind: 'SEIZURE',
    holder: '六安市中级人民法院',
    caseNo: '(2023)皖15民初45号',
    registeredOn: '2023-09-04',
    expiresOn: '2027-09-03',
    rank: 1,
  });
  await enc(tea.id, {
    kind: 'SEIZURE',
    holder: '霍邱县人民法院',
    caseNo: DEMO.hongdaCase,
    registeredOn: '2023-12-18',
    rank: 2,
    requestId: DEMO.hongdaSeizureOrder,
  });
  await unit(
    p.wangQiang,
    '皖(2018)霍邱县不动产权第0005530号',
    '341522001004GB00218F00030301',
    '安徽省六安市霍邱县城关镇蓼都大道9号2栋301室',
    '住宅',
    '102.75',
    '2018-01-22',
  );
}
