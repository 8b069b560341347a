// Deterministic synthetic Chinese data for seeding: names, addresses, phone numbers,
// plates, VINs and identifiers that pass the real check-digit rules.

import { residentIdCheckChar, residentIdProblem } from '../ids/resident-id';
import { orgCodeCheckChar, usccCheckChar, USCC_CHARSET } from '../ids/unified-social-credit-code';
import { Random } from './random';

export interface Region {
  /** 6-digit administrative division code */
  code: string;
  province: string;
  city: string;
  county: string;
  /** towns (镇), townships (乡) and sub-districts (街道) */
  towns: string[];
  /** road names used in this county */
  streets: string[];
}

// Counties and districts of 六安市, Anhui.
export const REGIONS: Region[] = [
  {
    code: '341502',
    province: '安徽省',
    city: '六安市',
    county: '金安区',
    towns: [
      '中市街道',
      '东市街道',
      '三里桥街道',
      '清水河街道',
      '望城街道',
      '木厂镇',
      '马头镇',
      '东桥镇',
      '张店镇',
      '毛坦厂镇',
      '孙岗镇',
      '椿树镇',
      '施桥镇',
      '翁墩乡',
      '横塘岗乡',
    ],
    streets: ['人民路', '解放路', '皖西路', '梅山路', '佛子岭路', '长安路', '大别山路', '东三环路', '淠河路', '紫竹林路'],
  },
  {
    code: '341503',
    province: '安徽省',
    city: '六安市',
    county: '裕安区',
    towns: [
      '鼓楼街道',
      '西市街道',
      '小华山街道',
      '苏埠镇',
      '韩摆渡镇',
      '新安镇',
      '顺河镇',
      '独山镇',
      '城南镇',
      '丁集镇',
      '固镇镇',
      '徐集镇',
      '分路口镇',
      '单王乡',
      '青山乡',
      '罗集乡',
    ],
    streets: ['人民路', '解放南路', '梅山南路', '寿春路', '鼓楼街', '裕安路', '振华路', '西环路', '龙河路', '登高路'],
  },
  {
    code: '341522',
    province: '安徽省',
    city: '六安市',
    county: '霍邱县',
    towns: [
      '城关镇',
      '河口镇',
      '周集镇',
      '临水镇',
      '新店镇',
      '石店镇',
      '马店镇',
      '孟集镇',
      '花园镇',
      '长集镇',
      '乌龙镇',
      '高塘镇',
      '冯井镇',
      '众兴集镇',
      '范桥乡',
      '潘集乡',
      '邵岗乡',
    ],
    streets: ['蓼城路', '城西湖路', '淮河路', '人民路', '光明大道', '霍寿路', '建设路', '新城大道', '迎宾路', '水门塘路'],
  },
  {
    code: '341523',
    province: '安徽省',
    city: '六安市',
    county: '舒城县',
    towns: [
      '城关镇',
      '杭埠镇',
      '千人桥镇',
      '百神庙镇',
      '桃溪镇',
      '万佛湖镇',
      '晓天镇',
      '山七镇',
      '河棚镇',
      '五显镇',
      '南港镇',
      '干汊河镇',
      '汤池镇',
      '春秋乡',
      '柏林乡',
      '棠树乡',
      '阙店乡',
      '高峰乡',
      '庐镇乡',
    ],
    streets: ['龙舒路', '春秋路', '梅河路', '鼓楼街', '舒王大道', '文昌路', '桃溪路', '城北路', '柏林大道', '南溪路'],
  },
  {
    code: '341524',
    province: '安徽省',
    city: '六安市',
    county: '金寨县',
    towns: [
      '梅山镇',
      '麻埠镇',
      '青山镇',
      '燕子河镇',
      '天堂寨镇',
      '古碑镇',
      '南溪镇',
      '吴家店镇',
      '斑竹园镇',
      '汤家汇镇',
      '双河镇',
      '白塔畈镇',
      '油坊店乡',
      '长岭乡',
      '槐树湾乡',
      '花石乡',
      '沙河乡',
      '铁冲乡',
      '果子园乡',
      '全军乡',
      '关庙乡',
      '桃岭乡',
      '张冲乡',
    ],
    streets: ['红军路', '梅山路', '史河路', '江店路', '金梧桐大道', '中心路', '将军路', '滨湖大道', '迎宾大道', '城南路'],
  },
  {
    code: '341525',
    province: '安徽省',
    city: '六安市',
    county: '霍山县',
    towns: [
      '衡山镇',
      '佛子岭镇',
      '下符桥镇',
      '但家庙镇',
      '与儿街镇',
      '黑石渡镇',
      '诸佛庵镇',
      '落儿岭镇',
      '磨子潭镇',
      '大化坪镇',
      '漫水河镇',
      '上土市镇',
      '单龙寺镇',
      '东西溪乡',
      '太平畈乡',
      '太阳乡',
    ],
    streets: ['衡山路', '迎驾大道', '南岳路', '淠河路', '文峰路', '城西路', '东环路', '黄大街', '佛子岭路', '经三路'],
  },
];

export function regionByCode(code: string): Region | undefined {
  return REGIONS.find((r) => r.code === code);
}

const SURNAMES = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
);

const GIVEN_NAME_CHARS = Array.from(
  '伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玉兰萍红建文辉鑫斌宇浩凯健俊帆帅旭宁欣佳颖婷雪琳晨阳鹏飞波峰丹倩亮成志海春梅燕荣国庆东云莉慧晶博子涵梓睿诗雨思家振宏新福德永兵',
);

const BRAND_CHARS = Array.from('华兴金源鑫盛恒达泰丰宏远瑞祥嘉德和顺安康福隆昌永新利通万鼎佳信诚汇聚力天宇中皖润博创');

const INDUSTRIES = [
  '建材',
  '农业科技',
  '茶业',
  '纺织',
  '机械制造',
  '房地产开发',
  '物流',
  '商贸',
  '食品',
  '电子科技',
  '建筑工程',
  '矿业',
  '生物科技',
  '新能源',
  '服饰',
  '医药',
  '旅游开发',
  '竹木制品',
  '水产养殖',
  '汽车销售服务',
];

const VILLAGES = ['新华', '红星', '桃园', '双河', '河西', '大湾', '松林', '石桥', '龙潭', '长岗', '王湾', '梅花', '杨柳', '黄岗'];

const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '173',
  '175',
  '176',
  '177',
  '178',
  '180',
  '181',
  '182',
  '183',
  '184',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '193',
  '195',
  '196',
  '197',
  '198',
  '199',
];

const USCC_CHARS = Array.from(USCC_CHARSET);

// Plate and VIN letters: I and O (and Q for VINs) look like digits.
const PLATE_LETTERS = Array.from('ABCDEFGHJKLMNPQRSTUVWXYZ');
const VIN_CHARS = Array.from('0123456789ABCDEFGHJKLMNPRSTUVWXYZ');
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const VIN_LETTER_VALUES: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
// World manufacturer identifiers of vehicles commonly built in China.
const VIN_WMIS = ['LSV', 'LFV', 'LSG', 'LVS', 'LBV', 'LHG', 'LGB', 'LDC', 'LGX', 'L6T', 'LS5', 'LZW', 'LNB', 'LRW'];
// Model-year codes for 2010..2025.
const VIN_YEAR_CODES = Array.from('ABCDEFGHJKLMNPRS');

export function personName(rng: Random): string {
  const given = rng.chance(0.7) ? 2 : 1;
  let name = rng.pick(SURNAMES);
  for (let i = 0; i < given; i++) name += rng.pick(GIVEN_NAME_CHARS);
  return name;
}

/** e.g. 金寨县华兴建材有限公司 */
export function enterpriseName(rng: Random, county: string): string {
  const first = rng.pick(BRAND_CHARS);
  let second = rng.pick(BRAND_CHARS);
  while (second === first) second = rng.pick(BRAND_CHARS);
  const r = rng.next();
  const form = r < 0.7 ? '有限公司' : r < 0.9 ? '有限责任公司' : '股份有限公司';
  return county + first + second + rng.pick(INDUSTRIES) + form;
}

/** e.g. 安徽省六安市金寨县梅山镇红军路128号3栋502室, or a village address in rural towns. */
export function address(rng: Random, region: Region | string): string {
  const r = typeof region === 'string' ? regionByCode(region) : region;
  if (!r) throw new RangeError(`unknown region ${String(region)}`);
  const town = rng.pick(r.towns);
  const prefix = r.province + r.city + r.county + town;
  if (!town.endsWith('街道') && rng.chance(0.35)) {
    return `${prefix}${rng.pick(VILLAGES)}村${rng.int(1, 12)}组${rng.int(1, 80)}号`;
  }
  const street = `${prefix}${rng.pick(r.streets)}${rng.int(1, 399)}号`;
  if (rng.chance(0.25)) return street;
  return `${street}${rng.int(1, 30)}栋${rng.int(1, 18)}0${rng.int(1, 4)}室`;
}

export function phone(rng: Random): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

/** e.g. 皖N·12345 or 皖N·A1B23: five characters with at most two letters. */
export function plate(rng: Random, prefix = '皖N'): string {
  const chars = Array.from({ length: 5 }, () => String(rng.int(0, 9)));
  const letters = rng.chance(0.6) ? 0 : rng.int(1, 2);
  const positions = new Set<number>();
  while (positions.size < letters) positions.add(rng.int(0, 4));
  for (const p of positions) chars[p] = rng.pick(PLATE_LETTERS);
  return `${prefix}·${chars.join('')}`;
}

/** 17-character VIN with a valid ISO 3779 / North American check digit at position 9. */
export function vin(rng: Random): string {
  let vds = '';
  for (let i = 0; i < 5; i++) vds += rng.pick(VIN_CHARS);
  // '0' is a placeholder for the check digit, which has weight 0.
  const withoutCheck = rng.pick(VIN_WMIS) + vds + '0' + rng.pick(VIN_YEAR_CODES) + rng.pick(VIN_CHARS) + rng.digits(6);
  return withoutCheck.slice(0, 8) + vinCheckChar(withoutCheck) + withoutCheck.slice(9);
}

function vinCheckChar(v: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = v[i];
    const value = c >= '0' && c <= '9' ? Number(c) : VIN_LETTER_VALUES[c];
    sum += value * VIN_WEIGHTS[i];
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/**
 * A valid resident ID. The birth date is taken as the calendar day in China (UTC+8);
 * the sequence number is odd for men and even for women.
 */
export function residentId(rng: Random, regionCode: string, birth: Date, sex: 'M' | 'F'): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`invalid region code ${regionCode}`);
  const d = new Date(birth.getTime() + 8 * 3600 * 1000);
  if (Number.isNaN(d.getTime())) throw new RangeError('invalid birth date');
  const ymd = String(d.getUTCFullYear()).padStart(4, '0') + String(d.getUTCMonth() + 1).padStart(2, '0') + String(d.getUTCDate()).padStart(2, '0');
  const parity = sex === 'M' ? 1 : 0;
  const seq = String(rng.int(0, 99) * 10 + rng.int(0, 4) * 2 + parity).padStart(3, '0');
  const first17 = regionCode + ymd + seq;
  const id = first17 + residentIdCheckChar(first17);
  const problem = residentIdProblem(id);
  if (problem) throw new RangeError(`cannot make a valid resident ID: ${problem}`);
  return id;
}

/** A valid unified social credit code for an enterprise ("91"), with a valid embedded organisation code. */
export function uscc(rng: Random, regionCode: string): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`invalid region code ${regionCode}`);
  // Codes issued since 2015 mostly start with "MA"; older ones carry a numeric organisation code.
  let org: string;
  if (rng.chance(0.7)) {
    org = 'MA';
    for (let i = 0; i < 6; i++) org += rng.pick(USCC_CHARS);
  } else {
    org = rng.digits(8);
  }
  const first17 = '91' + regionCode + org + orgCodeCheckChar(org);
  return first17 + usccCheckChar(first17);
}

/** Real-estate title certificate number, e.g. 皖(2023)金寨县不动产权第0012345号 */
export function certificateNo(rng: Random, year: number, county: string): string {
  return `皖(${year})${county}不动产权第${String(rng.int(1, 9999999)).padStart(7, '0')}号`;
}

/**
 * 28-character real-estate unit code: region (6) + cadastral zone and sub-zone (6) +
 * land ownership/use type (GB state-owned, JC collective) + parcel (5) + F + building (4) + unit (4).
 */
export function unitCode(rng: Random, regionCode: string): string {
  if (!/^\d{6}$/.test(regionCode)) throw new RangeError(`invalid region code ${regionCode}`);
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return (
    regionCode +
    pad(rng.int(1, 20), 3) +
    pad(rng.int(1, 30), 3) +
    (rng.chance(0.8) ? 'GB' : 'JC') +
    pad(rng.int(1, 99999), 5) +
    'F' +
    pad(rng.int(1, 200), 4) +
    pad(rng.int(1, 9999), 4)
  );
}
