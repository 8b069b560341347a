// Injective maps from a row's global index to an identifier. Random draws would collide
// (a million resident IDs drawn from ~130 million possible ones clash thousands of times),
// so each identifier space is walked through a keyed pseudo-random permutation instead.

import { residentIdCheckChar } from '../ids/resident-id';
import { orgCodeCheckChar, usccCheckChar, USCC_CHARSET } from '../ids/unified-social-credit-code';
import { REGIONS, type Region } from './chinese';

/** A keyed bijection of [0, size): a balanced Feistel network with cycle walking. */
export class IndexPermutation {
  private readonly half: number;
  private readonly mask: number;
  private readonly keys: number[];

  constructor(
    readonly size: number,
    key: string,
  ) {
    if (!Number.isSafeInteger(size) || size < 1 || size > 2 ** 48) throw new RangeError(`invalid permutation size ${size}`);
    let bits = 2;
    while (2 ** bits < size) bits += 2;
    this.half = 2 ** (bits / 2);
    this.mask = this.half - 1;
    this.keys = [0, 1, 2, 3].map((round) => hash32(`${key}#${round}`));
  }

  at(index: number): number {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) {
      throw new RangeError(`index ${index} outside [0, ${this.size})`);
    }
    // Encrypting a value below size may land above it; re-encrypting until it falls back in keeps a bijection.
    let x = index;
    do x = this.encrypt(x);
    while (x >= this.size);
    return x;
  }

  private encrypt(x: number): number {
    let left = Math.floor(x / this.half);
    let right = x % this.half;
    for (const k of this.keys) {
      const next = (left ^ (mix32(right ^ k) & this.mask)) >>> 0;
      left = right;
      right = next;
    }
    return left * this.half + right;
  }
}

function mix32(x: number): number {
  let z = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix32(h);
}

const DAY_MS = 86_400_000;
// Fixed birth range (adults on any date after 2023) so the code space never depends on today's date.
const BIRTH_FROM = Date.UTC(1945, 0, 1);
const BIRTH_DAYS = (Date.UTC(2005, 11, 31) - BIRTH_FROM) / DAY_MS + 1;
const SEQUENCES = 999;

/** Number of distinct resident IDs `residentIdAt` can produce. */
export const RESIDENT_ID_SPACE = REGIONS.length * BIRTH_DAYS * SEQUENCES;

export interface ResidentIdentity {
  idNumber: string;
  region: Region;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'M' | 'F';
}

/** The x-th resident ID of the space: region, birth date 1945–2005 and sequence 001–999. */
export function residentIdAt(x: number): ResidentIdentity {
  const region = REGIONS[x % REGIONS.length];
  const rest = Math.floor(x / REGIONS.length);
  const birthDate = new Date(BIRTH_FROM + (rest % BIRTH_DAYS) * DAY_MS).toISOString().slice(0, 10);
  const seq = Math.floor(rest / BIRTH_DAYS) + 1;
  const first17 = region.code + birthDate.replace(/-/g, '') + String(seq).padStart(3, '0');
  return { idNumber: first17 + residentIdCheckChar(first17), region, birthDate, sex: seq % 2 === 1 ? 'M' : 'F' };
}

const MA_CODES = 31 ** 6;
const NUMERIC_CODES = 10 ** 8;

/** Number of distinct enterprise codes `usccAt` can produce. */
export const USCC_SPACE = REGIONS.length * (MA_CODES + NUMERIC_CODES);

/** The x-th enterprise USCC ("91" + county code): post-2015 "MA…" organisation codes, then numeric ones. */
export function usccAt(x: number): { idNumber: string; region: Region } {
  const region = REGIONS[x % REGIONS.length];
  let y = Math.floor(x / REGIONS.length);
  let org: string;
  if (y < MA_CODES) {
    org = '';
    for (let i = 0; i < 6; i++) {
      org = USCC_CHARSET[y % 31] + org;
      y = Math.floor(y / 31);
    }
    org = 'MA' + org;
  } else {
    org = String(y - MA_CODES).padStart(8, '0');
  }
  const first17 = '91' + region.code + org + orgCodeCheckChar(org);
  return { idNumber: first17 + usccCheckChar(first17), region };
}

const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LETTER_PAIRS: Array<[number, number]> = [];
for (let a = 0; a < 5; a++) for (let b = a + 1; b < 5; b++) LETTER_PAIRS.push([a, b]);
const ONE_LETTER = 5 * 24 * 10 ** 4;
const TWO_LETTERS = LETTER_PAIRS.length * 24 * 24 * 10 ** 3;

/** Number of distinct plates `plateAt` can produce (five characters, at most two letters). */
export const PLATE_SPACE = 10 ** 5 + ONE_LETTER + TWO_LETTERS;

/** The x-th plate of a prefecture, e.g. 皖N·12345, 皖N·A1234, 皖N·3B4C5. */
export function plateAt(x: number, prefix = '皖N'): string {
  let letters: number[] = [];
  let y = x;
  let positions: number[] = [];
  if (y >= 10 ** 5) {
    y -= 10 ** 5;
    if (y < ONE_LETTER) {
      positions = [y % 5];
      y = Math.floor(y / 5);
    } else {
      y -= ONE_LETTER;
      positions = LETTER_PAIRS[y % LETTER_PAIRS.length];
      y = Math.floor(y / LETTER_PAIRS.length);
    }
    letters = positions.map(() => {
      const l = y % 24;
      y = Math.floor(y / 24);
      return l;
    });
  }
  const chars: string[] = [];
  for (let p = 4; p >= 0; p--) {
    const li = positions.indexOf(p);
    if (li >= 0) chars[p] = PLATE_LETTERS[letters[li]];
    else {
      chars[p] = String(y % 10);
      y = Math.floor(y / 10);
    }
  }
  return `${prefix}·${chars.join('')}`;
}

export const CERTIFICATE_FIRST_YEAR = 2015;
const CERTIFICATE_YEARS = 11;

/** Number of distinct (year, serial) pairs `certificateAt` can produce. */
export const CERTIFICATE_SPACE = CERTIFICATE_YEARS * (10 ** 7 - 1);

/** The x-th real-estate title certificate: year 2015–2025 and a serial 0000001–9999999, unique as a pair. */
export function certificateAt(x: number, issuer: string): { certificateNo: string; year: number } {
  const year = CERTIFICATE_FIRST_YEAR + (x % CERTIFICATE_YEARS);
  const serial = String(Math.floor(x / CERTIFICATE_YEARS) + 1).padStart(7, '0');
  return { certificateNo: `皖(${year})${issuer}不动产权第${serial}号`, year };
}
