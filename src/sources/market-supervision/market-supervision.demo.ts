import type { EntityManager } from 'typeorm';
import { uscc } from '../../seed/chinese';
import type { DemoIdentities } from '../../seed/demo-identities';
import { DEMO } from '../../seed/demo-identities';
import { Random } from '../../seed/random';
import { EnterpriseRegistration, EquityFreeze, Shareholding } from './entities';

const LUAN = '六安市中级人民法院';
const HUOQIU = '霍邱县人民法院';
const JINZHAI = '金寨县人民法院';

export async function seedMarketSupervisionDemo(m: EntityManager, p: DemoIdentities): Promise<void> {
  // Enterprises the demo parties hold shares in, besides the demo enterprises themselves.
  const rng = new Random('fuyuantong-demo-market');
  const meishan = { name: '金寨县梅山石材有限公司', id: uscc(rng, '341524') };
  const qiangsheng = { name: '霍邱县强盛农机销售有限公司', id: uscc(rng, '341522') };
  const hongdaSales = { name: '金寨县宏达茶叶销售有限公司', id: uscc(rng, '341524') };
  const ruralBank = { name: '安徽金寨农村商业银行股份有限公司', id: uscc(rng, '341524') };

  const register = (
    e: { name: string; id: string },
    rep: { name: string; id: string },
    r: Omit<EnterpriseRegistration, 'creditCode' | 'name' | 'legalRepresentativeName' | 'legalRepresentativeIdNumber' | 'registrationAuthority'>,
  ) =>
    m.save(
      m.create(EnterpriseRegistration, {
        creditCode: e.id,
        name: e.name,
        legalRepresentativeName: rep.name,
        legalRepresentativeIdNumber: rep.id,
        registrationAuthority: e.id.slice(2, 8) === '341522' ? '霍邱县市场监督管理局' : '金寨县市场监督管理局',
        ...r,
      }),
    );
  await register(p.huaxing, p.zhangWei, {
    status: 'EXISTING',
    registeredAddress: '安徽省六安市金寨县经济开发区笔架山路18号',
    registeredCapital: '5000000.00',
    establishedOn: '2012-06-18',
    businessScope: '水泥制品、新型建筑材料的生产与销售',
  });
  await register(p.hongda, p.chenJing, {
    status: 'EXISTING',
    registeredAddress: '安徽省六安市金寨县油坊店乡茶园路1号',
    registeredCapital: '8000000.00',
    establishedOn: '2010-03-05',
    businessScope: '茶叶种植、加工与销售；农副产品收购',
  });
  await register(p.yongan, p.zhaoLei, {
    status: 'REVOKED',
    registeredAddress: '安徽省六安市金寨县经济开发区现代产业园8号',
    registeredCapital: '3000000.00',
    establishedOn: '2014-09-12',
    businessScope: '通用机械制造与维修',
  });
  await register(meishan, p.zhouMin, {
    status: 'EXISTING',
    registeredAddress: '安徽省六安市金寨县梅山镇石材工业园2号',
    registeredCapital: '2000000.00',
    establishedOn: '2017-05-08',
    businessScope: '石材开采、加工与销售',
  });
  await register(qiangsheng, p.wangQiang, {
    status: 'EXISTING',
    registeredAddress: '安徽省六安市霍邱县城关镇蓼都大道66号',
    registeredCapital: '500000.00',
    establishedOn: '2015-03-30',
    businessScope: '农业机械销售与维修',
  });
  await register(hongdaSales, p.chenJing, {
    status: 'CANCELLED',
    registeredAddress: '安徽省六安市金寨县梅山镇红军路200号',
    registeredCapital: '1000000.00',
    establishedOn: '2016-08-01',
    businessScope: '预包装食品、茶叶销售',
  });
  await register(ruralBank, p.oldCase, {
    status: 'EXISTING',
    registeredAddress: '安徽省六安市金寨县梅山镇红军路1号',
    registeredCapital: '300000000.00',
    establishedOn: '2012-12-18',
    businessScope: '吸收公众存款；发放贷款；办理结算',
  });

  const hold = (
    holder: { name: string; id: string },
    target: { name: string; id: string },
    sharePercent: string,
    subscribedCapital: string,
    extra: Partial<Shareholding> = {},
  ) =>
    m.save(
      m.create(Shareholding, {
        holderIdNumber: holder.id,
        holderName: holder.name,
        targetCreditCode: target.id,
        targetName: target.name,
        sharePercent,
        subscribedCapital,
        appraisedValue: null,
        appraisedOn: null,
        appraisalBasis: null,
        ...extra,
      }),
    );
  const freeze = (shareholdingId: string, f: Omit<EquityFreeze, 'id' | 'shareholdingId' | 'releasedOn' | 'requestId'> & { releasedOn?: string }) =>
    m.save(m.create(EquityFreeze, { shareholdingId, releasedOn: null, requestId: null, ...f }));

  // 张伟: 60 % of 华兴 (frozen by the intermediate court: 金寨 queues), 35 % of 梅山石材 (appraised).
  const zhangHuaxing = await hold(p.zhangWei, p.huaxing, '60.0000', '3000000.00');
  await freeze(zhangHuaxing.id, { court: LUAN, caseNo: '(2023)皖15执45号', rank: 0, frozenOn: '2024-01-16', expiresOn: '2027-01-15' });
  const zhangMeishan = await hold(p.zhangWei, meishan, '35.0000', '700000.00', {
    appraisedValue: '1150000.00',
    appraisedOn: '2024-01-20',
    appraisalBasis: 'APPRAISAL',
  });
  await freeze(zhangMeishan.id, {
    court: LUAN,
    caseNo: '(2022)皖15执210号',
    rank: 0,
    frozenOn: '2022-09-02',
    expiresOn: '2025-09-01',
    releasedOn: '2023-02-10',
  });
  // 华兴 itself holds 20 % of 梅山石材.
  await hold(p.huaxing, meishan, '20.0000', '400000.00');
  // 李娜: a small stake in 宏达, queued behind 霍邱's freeze.
  const liHongda = await hold(p.liNa, p.hongda, '5.0000', '400000.00');
  await freeze(liHongda.id, { court: HUOQIU, caseNo: '(2024)皖1522执12号', rank: 0, frozenOn: '2024-02-21', expiresOn: '2027-02-20' });
  await freeze(liHongda.id, { court: JINZHAI, caseNo: DEMO.clerkCase2, rank: 1, frozenOn: '2024-04-16', expiresOn: '2027-04-15' });
  // 王强 (霍邱's respondent): his own dealership, frozen by 霍邱.
  const wangQiangsheng = await hold(p.wangQiang, qiangsheng, '100.0000', '500000.00');
  await freeze(wangQiangsheng.id, { court: HUOQIU, caseNo: DEMO.otherCourtCase, rank: 0, frozenOn: '2024-02-21', expiresOn: '2027-02-20' });
  // 宏达 (the bankruptcy debtor): its sales subsidiary (frozen twice, one released) and shares in the rural bank.
  const hongdaSub = await hold(p.hongda, hongdaSales, '51.0000', '510000.00');
  await freeze(hongdaSub.id, { court: LUAN, caseNo: '(2023)皖15执88号', rank: 0, frozenOn: '2023-10-10', expiresOn: '2026-10-09' });
  await freeze(hongdaSub.id, { court: HUOQIU, caseNo: '(2023)皖1522执412号', rank: 1, frozenOn: '2023-12-02', expiresOn: '2026-12-01' });
  await freeze(hongdaSub.id, {
    court: JINZHAI,
    caseNo: '(2021)皖1524执77号',
    rank: 0,
    frozenOn: '2021-11-03',
    expiresOn: '2022-11-02',
    releasedOn: '2022-06-30',
  });
  await hold(p.hongda, ruralBank, '0.5000', '1500000.00', {
    appraisedValue: '2100000.00',
    appraisedOn: '2024-06-30',
    appraisalBasis: 'ONLINE_INQUIRY',
  });
}
