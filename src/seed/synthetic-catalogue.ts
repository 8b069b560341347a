// Fixed reference data for synthetic generation: the courts, administrator firms, banks and
// authorities of 六安市, and the wording used in generated records.

import { orgCodeCheckChar, usccCheckChar } from '../ids/unified-social-credit-code';
import type { Region } from './chinese';

export interface Court {
  /** Court code as used in case numbers and as the organisation code, e.g. 皖1524. */
  code: string;
  name: string;
  /** County served; null for the intermediate court, which serves the whole prefecture. */
  regionCode: string | null;
}

export const INTERMEDIATE_COURT: Court = { code: '皖15', name: '六安市中级人民法院', regionCode: null };

export const COURTS: Court[] = [
  INTERMEDIATE_COURT,
  { code: '皖1502', name: '六安市金安区人民法院', regionCode: '341502' },
  { code: '皖1503', name: '六安市裕安区人民法院', regionCode: '341503' },
  { code: '皖1522', name: '霍邱县人民法院', regionCode: '341522' },
  { code: '皖1523', name: '舒城县人民法院', regionCode: '341523' },
  { code: '皖1524', name: '金寨县人民法院', regionCode: '341524' },
  { code: '皖1525', name: '霍山县人民法院', regionCode: '341525' },
];

export function courtForRegion(regionCode: string): Court {
  return COURTS.find((c) => c.regionCode === regionCode) ?? INTERMEDIATE_COURT;
}

export interface Firm {
  /** Registration code (a valid USCC: 31… for law firms, 91… for companies). */
  code: string;
  name: string;
}

function firmCode(authority: '31' | '91', org8: string): string {
  const first17 = authority + '341500' + org8 + orgCodeCheckChar(org8);
  return first17 + usccCheckChar(first17);
}

// Registered administrator firms (破产管理人名册); fixed so every run reuses the same organisations.
export const ADMINISTRATOR_FIRMS: Firm[] = [
  { code: firmCode('31', 'MD0A1001'), name: '安徽皖西律师事务所' },
  { code: firmCode('31', 'MD0A1002'), name: '安徽淠河律师事务所' },
  { code: firmCode('31', 'MD0A1003'), name: '安徽大别山律师事务所' },
  { code: firmCode('91', 'MA2N1004'), name: '六安正信会计师事务所有限公司' },
  { code: firmCode('91', 'MA2N1005'), name: '安徽众诚破产清算事务所有限公司' },
];

/** Short place name used by bank branches and authorities, e.g. 金寨 for 金寨县. */
export function shortName(region: Region): string {
  return region.county.slice(0, -1);
}

/** Full county-level name: districts carry the city, e.g. 六安市金安区 / 金寨县. */
export function countyFullName(region: Region): string {
  return region.county.endsWith('区') ? region.city + region.county : region.county;
}

export function taxAuthority(region: Region): string {
  return `国家税务总局${countyFullName(region)}税务局`;
}

/** Issuer named in a real-estate certificate: districts register at the city. */
export function certificateIssuer(region: Region): string {
  return region.county.endsWith('区') ? region.city : region.county;
}

const NATIONAL_BANKS = ['中国工商银行', '中国农业银行', '中国银行', '中国建设银行', '中国邮政储蓄银行', '徽商银行'];

export function bankBranches(region: Region): string[] {
  const short = shortName(region);
  return [...NATIONAL_BANKS.map((b) => `${b}${short}支行`), `安徽${short}农村商业银行`];
}

export const AUTO_FINANCE = ['上汽通用汽车金融有限责任公司', '比亚迪汽车金融有限公司', '大众汽车金融(中国)有限公司'];

export function hospitals(region: Region): string[] {
  const place = region.county.endsWith('区') ? region.city : region.county;
  return [`${place}人民医院`, `${place}中医院`];
}

export const MEDICAL_PLANS = ['城镇职工基本医疗保险', '城乡居民基本医疗保险'];

export const RESIDENTIAL_USES = ['住宅', '住宅', '住宅', '住宅', '商业', '办公'];
export const ENTERPRISE_USES = ['工业', '商业', '办公', '仓储'];

export const VEHICLE_MODELS: Array<{ make: string; models: string[]; commercial?: boolean }> = [
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

/** 失信情形 under the Supreme People's Court provisions on the dishonest-debtor list. */
export const DISHONEST_CIRCUMSTANCES = [
  '有履行能力而拒不履行生效法律文书确定义务',
  '以伪造证据、暴力、威胁等方法妨碍、抗拒执行',
  '以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行',
  '违反财产报告制度',
  '违反限制消费令',
  '无正当理由拒不履行执行和解协议',
];

export const OBLIGATIONS = ['偿还借款本金及利息', '支付货款及违约金', '支付工程款', '支付劳动报酬', '赔偿经济损失', '返还租金及占用费'];

export const PENALTY_REASONS: Array<{ office: string; abbreviation: string; reason: string }> = [
  { office: '市场监督管理局', abbreviation: '市监处罚', reason: '未按规定报送并公示年度报告' },
  { office: '市场监督管理局', abbreviation: '市监处罚', reason: '销售不符合保障人体健康标准的产品' },
  { office: '生态环境分局', abbreviation: '环罚', reason: '超标排放大气污染物' },
  { office: '应急管理局', abbreviation: '应急罚', reason: '未按规定对从业人员进行安全生产教育和培训' },
  { office: '税务局', abbreviation: '税罚', reason: '未按照规定期限办理纳税申报和报送纳税资料' },
];

export const CREDIT_REPAIR_AUTHORITIES = ['六安市发展和改革委员会', '国家税务总局六安市税务局', '中国人民银行六安市分行'];

export const TAX_TYPES = {
  vat: '增值税',
  corporateIncome: '企业所得税',
  personalIncome: '个人所得税',
  property: '房产税',
  landUse: '城镇土地使用税',
} as const;
