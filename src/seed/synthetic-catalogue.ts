// Fixed reference data the synthetic generators share: the courts, administrator firms, banks and
// authorities of 六安市. What only one source uses is in that source's generator.

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

const NATIONAL_BANKS = ['中国工商银行', '中国农业银行', '中国银行', '中国建设银行', '中国邮政储蓄银行', '徽商银行'];

export function bankBranches(region: Region): string[] {
  const short = shortName(region);
  return [...NATIONAL_BANKS.map((b) => `${b}${short}支行`), `安徽${short}农村商业银行`];
}
