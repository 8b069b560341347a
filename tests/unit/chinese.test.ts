import { isValidResidentId } from '../../src/ids/resident-id';
import { isValidUscc } from '../../src/ids/unified-social-credit-code';
import { REGIONS, address, certificateNo, enterpriseName, personName, phone, plate, residentId, unitCode, uscc, vin } from '../../src/seed/chinese';
import { Random } from '../../src/seed/random';

const DRAWS = 10_000;

// Independent ISO 3779 check: letters transliterate in rows of nine (A-I, J-R, _S-Z) to 1..9.
const VIN_LETTER_ROWS = 'ABCDEFGHIJKLMNOPQR_STUVWXYZ';
function vinCheckDigitOk(v: string): boolean {
  const weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = v[i];
    const value = /\d/.test(c) ? Number(c) : (VIN_LETTER_ROWS.indexOf(c) % 9) + 1;
    sum += value * weights[i];
  }
  const r = sum % 11;
  return v[8] === (r === 10 ? 'X' : String(r));
}

function sample(seed: string): string[] {
  const rng = new Random(seed);
  const region = REGIONS[0];
  return [
    personName(rng),
    enterpriseName(rng, region.county),
    address(rng, region),
    phone(rng),
    plate(rng),
    vin(rng),
    residentId(rng, region.code, new Date('1985-03-07T00:00:00Z'), 'F'),
    uscc(rng, region.code),
    certificateNo(rng, 2023, region.county),
    unitCode(rng, region.code),
  ];
}

describe('synthetic Chinese data', () => {
  it('has a VIN check helper that accepts a known valid VIN', () => {
    expect(vinCheckDigitOk('1M8GDM9AXKP042788')).toBe(true);
    expect(vinCheckDigitOk('1M8GDM9A1KP042788')).toBe(false);
  });

  it('is deterministic for the same seed', () => {
    expect(sample('seed-1')).toEqual(sample('seed-1'));
    expect(sample('seed-1')).not.toEqual(sample('seed-2'));
  });

  it('covers the six 六安 counties with towns and streets', () => {
    expect(REGIONS.map((r) => r.code).sort()).toEqual(['341502', '341503', '341522', '341523', '341524', '341525']);
    for (const r of REGIONS) {
      expect(r.province).toBe('安徽省');
      expect(r.city).toBe('六安市');
      expect(r.towns.length).toBeGreaterThan(5);
      expect(r.streets.length).toBeGreaterThan(5);
      for (const t of r.towns) expect(t).toMatch(/(镇|乡|街道)$/);
    }
  });

  it('always produces valid resident IDs matching the birth date and sex', () => {
    const rng = new Random('resident');
    for (let i = 0; i < DRAWS; i++) {
      const region = rng.pick(REGIONS);
      const birth = rng.date(new Date('1930-01-01T00:00:00Z'), new Date('2010-12-31T00:00:00Z'));
      const sex = rng.chance(0.5) ? 'M' : 'F';
      const id = residentId(rng, region.code, birth, sex);
      expect(isValidResidentId(id)).toBe(true);
      expect(id.slice(0, 6)).toBe(region.code);
      const china = new Date(birth.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10).replace(/-/g, '');
      expect(id.slice(6, 14)).toBe(china);
      expect(Number(id[16]) % 2).toBe(sex === 'M' ? 1 : 0);
    }
  });

  it('treats the birth date as the calendar day in China', () => {
    const rng = new Random(1);
    // 16:30 UTC on 31 Dec is already 1 Jan in China.
    expect(residentId(rng, '341524', new Date('1989-12-31T16:30:00Z'), 'M').slice(6, 14)).toBe('19900101');
  });

  it('refuses to make a resident ID for an impossible birth date', () => {
    const rng = new Random(1);
    expect(() => residentId(rng, '341524', new Date('1850-01-01T00:00:00Z'), 'M')).toThrow(RangeError);
    expect(() => residentId(rng, '3415', new Date('1990-01-01T00:00:00Z'), 'M')).toThrow(RangeError);
  });

  it('always produces valid enterprise credit codes for the region', () => {
    const rng = new Random('uscc');
    for (let i = 0; i < DRAWS; i++) {
      const region = rng.pick(REGIONS);
      const code = uscc(rng, region.code);
      expect(isValidUscc(code)).toBe(true);
      expect(code.slice(0, 8)).toBe('91' + region.code);
    }
  });

  it('always produces 17-character VINs with a correct check digit', () => {
    const rng = new Random('vin');
    for (let i = 0; i < DRAWS; i++) {
      const v = vin(rng);
      expect(v).toMatch(/^[0-9A-HJ-NPR-Z]{17}$/);
      expect(vinCheckDigitOk(v)).toBe(true);
    }
  });

  it('always produces plates with five characters, at most two letters and no I or O', () => {
    const rng = new Random('plate');
    let withLetters = 0;
    for (let i = 0; i < DRAWS; i++) {
      const p = plate(rng);
      expect(p).toMatch(/^皖N·[0-9A-HJ-NP-Z]{5}$/);
      const letters = p.slice(3).replace(/\d/g, '').length;
      expect(letters).toBeLessThanOrEqual(2);
      if (letters > 0) withLetters++;
    }
    expect(withLetters).toBeGreaterThan(0);
    expect(plate(rng, '皖P')).toMatch(/^皖P·/);
  });

  it('produces 11-digit mobile numbers with real prefixes', () => {
    const rng = new Random('phone');
    for (let i = 0; i < DRAWS; i++) expect(phone(rng)).toMatch(/^1(3\d|5[0-35-9]|7[35-8]|8\d|9[135-9])\d{8}$/);
  });

  it('produces plausible names, enterprise names and addresses', () => {
    const rng = new Random('names');
    for (let i = 0; i < 1000; i++) {
      expect(personName(rng)).toMatch(/^\p{Script=Han}{2,3}$/u);
      expect(enterpriseName(rng, '金寨县')).toMatch(/^金寨县\p{Script=Han}{2}\p{Script=Han}+(有限公司|有限责任公司|股份有限公司)$/u);
      const region = rng.pick(REGIONS);
      const a = address(rng, region.code);
      expect(a.startsWith(`安徽省六安市${region.county}`)).toBe(true);
      expect(region.towns.some((t) => a.startsWith(`安徽省六安市${region.county}${t}`))).toBe(true);
      expect(a).toMatch(/号(\d+栋\d+室)?$/);
    }
    expect(() => address(rng, '000000')).toThrow(RangeError);
  });

  it('produces certificate numbers and 28-character unit codes', () => {
    const rng = new Random('estate');
    for (let i = 0; i < 1000; i++) {
      expect(certificateNo(rng, 2023, '金寨县')).toMatch(/^皖\(2023\)金寨县不动产权第\d{7}号$/);
      const u = unitCode(rng, '341524');
      expect(u).toHaveLength(28);
      expect(u).toMatch(/^341524\d{6}(GB|JC)\d{5}F\d{8}$/);
    }
  });
});
