import { countyFullName, shortName, taxAuthority } from '../../seed/synthetic-catalogue';
import { dayBetween, iso, money, toDay, yearOf, type WovenGenerator } from '../../seed/synthetic-chunk';

export interface DishonestDebtorRow {
  id: string;
  subjectIdNumber: string;
  subjectName: string;
  court: string;
  caseNo: string;
  obligation: string;
  circumstance: string;
  listedOn: string;
  removedOn: string | null;
}
export interface ConsumptionRestrictionRow {
  id: string;
  subjectIdNumber: string;
  court: string;
  caseNo: string;
  issuedOn: string;
  liftedOn: string | null;
}
export interface AdministrativePenaltyRow {
  id: string;
  subjectIdNumber: string;
  authority: string;
  decisionNo: string;
  reason: string;
  fine: string | null;
  decidedOn: string;
}
export interface CreditRepairRow {
  id: string;
  subjectIdNumber: string;
  basisCaseNo: string;
  authority: string;
  description: string;
  repairedOn: string;
}
export type CreditRows = {
  dishonestDebtors: DishonestDebtorRow[];
  consumptionRestrictions: ConsumptionRestrictionRow[];
  penalties: AdministrativePenaltyRow[];
  creditRepairs: CreditRepairRow[];
};

/** 失信情形 under the Supreme People's Court provisions on the dishonest-debtor list. */
const DISHONEST_CIRCUMSTANCES = [
  '有履行能力而拒不履行生效法律文书确定义务',
  '以伪造证据、暴力、威胁等方法妨碍、抗拒执行',
  '以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行',
  '违反财产报告制度',
  '违反限制消费令',
  '无正当理由拒不履行执行和解协议',
];

const OBLIGATIONS = ['偿还借款本金及利息', '支付货款及违约金', '支付工程款', '支付劳动报酬', '赔偿经济损失', '返还租金及占用费'];

const PENALTY_REASONS: Array<{ office: string; abbreviation: string; reason: string }> = [
  { office: '市场监督管理局', abbreviation: '市监处罚', reason: '未按规定报送并公示年度报告' },
  { office: '市场监督管理局', abbreviation: '市监处罚', reason: '销售不符合保障人体健康标准的产品' },
  { office: '生态环境分局', abbreviation: '环罚', reason: '超标排放大气污染物' },
  { office: '应急管理局', abbreviation: '应急罚', reason: '未按规定对从业人员进行安全生产教育和培训' },
  { office: '税务局', abbreviation: '税罚', reason: '未按照规定期限办理纳税申报和报送纳税资料' },
];

const CREDIT_REPAIR_AUTHORITIES = ['六安市发展和改革委员会', '国家税务总局六安市税务局', '中国人民银行六安市分行'];

/**
 * Respondents of execution cases listed as dishonest and restricted in consumption (removed and lifted when the case
 * closed), administrative penalties of some enterprises (troubled ones likelier), and the credit repaired once a
 * reorganisation plan is approved.
 */
export const creditSynthetic: WovenGenerator<CreditRows> = {
  start(chunk) {
    const credit: CreditRows = { dishonestDebtors: [], consumptionRestrictions: [], penalties: [], creditRepairs: [] };
    const { asOf } = chunk;
    return {
      rows: credit,
      afterCases(cases) {
        const rng = chunk.stream('credit');
        for (const c of cases) {
          const active = c.closedDay === null;
          for (const p of c.respondents) {
            if (rng.chance(active ? 0.35 : 0.2)) {
              const listed = Math.min(asOf - 1, c.filedDay + rng.int(30, 365));
              credit.dishonestDebtors.push({
                id: chunk.uuid(),
                subjectIdNumber: p.idNumber,
                subjectName: p.name,
                court: c.court.name,
                caseNo: c.caseNo,
                obligation: `${rng.pick(OBLIGATIONS)}共计${c.amountDue}元及迟延履行期间的债务利息`,
                circumstance: rng.pick(DISHONEST_CIRCUMSTANCES),
                listedOn: iso(active ? listed : Math.min(listed, c.closedDay! - 1)),
                removedOn: active ? null : iso(c.closedDay!),
              });
            }
            if (rng.chance(active ? 0.65 : 0.4)) {
              const issued = Math.min(asOf - 1, c.filedDay + rng.int(7, 90));
              credit.consumptionRestrictions.push({
                id: chunk.uuid(),
                subjectIdNumber: p.idNumber,
                court: c.court.name,
                caseNo: c.caseNo,
                issuedOn: iso(active ? issued : Math.min(issued, c.closedDay! - 1)),
                liftedOn: active ? null : iso(c.closedDay!),
              });
            }
          }
        }
        for (const e of chunk.enterprises) {
          if (!rng.chance(e.troubled ? 0.12 : 0.05)) continue;
          for (let n = rng.int(1, 2); n > 0; n--) {
            const what = rng.pick(PENALTY_REASONS);
            const decided = dayBetween(rng, Math.max(e.registeredDay + 30, toDay('2021-01-01')), asOf - 1);
            const authority =
              what.office === '税务局'
                ? taxAuthority(e.region)
                : what.office === '生态环境分局'
                  ? `${e.region.city}${e.region.county}${what.office}`
                  : `${countyFullName(e.region)}${what.office}`;
            credit.penalties.push({
              id: chunk.uuid(),
              subjectIdNumber: e.idNumber,
              authority,
              decisionNo: `${shortName(e.region)}${what.abbreviation}〔${yearOf(decided)}〕${rng.int(1, 600)}号`,
              reason: what.reason,
              fine: rng.chance(0.9) ? money(rng.int(1, 200) * 1000) : null,
              decidedOn: iso(decided),
            });
          }
        }
      },
      bankruptcy(b, rng) {
        if (b.status !== 'REORGANISATION' || !rng.chance(0.6)) return;
        // Plan approved: the enterprise's credit is repaired (seed 000 item 22).
        const approved = dayBetween(rng, b.acceptedDay + 150, asOf - 1);
        for (const authority of CREDIT_REPAIR_AUTHORITIES.filter(() => rng.chance(0.6))) {
          credit.creditRepairs.push({
            id: chunk.uuid(),
            subjectIdNumber: b.debtor.idNumber,
            basisCaseNo: b.caseNo,
            authority,
            description: `${b.debtor.name}重整计划经${b.court.name}裁定批准，依法修复相关失信记录`,
            repairedOn: iso(dayBetween(rng, approved, Math.min(asOf, approved + 90))),
          });
        }
      },
    };
  },
};
