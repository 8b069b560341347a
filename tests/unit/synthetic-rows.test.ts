import { caseNoProblem, parseCaseNo } from '../../src/ids/case-number';
import { isValidResidentId } from '../../src/ids/resident-id';
import { isValidUscc } from '../../src/ids/unified-social-credit-code';
import {
  DEFAULT_AS_OF,
  DEFAULT_NUMBERING,
  PERSONS_PER_CHUNK,
  chunkBounds,
  chunkCount,
  datasetProblem,
  generateChunk,
  numberingProblem,
  staffRows,
  type ChunkRows,
  type DatasetSpec,
} from '../../src/seed/synthetic-rows';

// Independent ISO 3779 check: letters transliterate in rows of nine (A-I, J-R, _S-Z) to 1..9.
const VIN_LETTER_ROWS = 'ABCDEFGHIJKLMNOPQR_STUVWXYZ';
function vinCheckDigitOk(v: string): boolean {
  const weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (/\d/.test(v[i]) ? Number(v[i]) : (VIN_LETTER_ROWS.indexOf(v[i]) % 9) + 1) * weights[i];
  const r = sum % 11;
  return /^[A-HJ-NPR-Z0-9]{17}$/.test(v) && v[8] === (r === 10 ? 'X' : String(r));
}

const SPEC: DatasetSpec = { seed: 7, persons: 14_000, enterprises: 1_400 };
const chunks: ChunkRows[] = Array.from({ length: chunkCount(SPEC) }, (_, c) => generateChunk(SPEC, c));
const all = <T>(pick: (rows: ChunkRows) => T[]): T[] => chunks.flatMap(pick);
const expectUnique = (values: string[]) => expect(new Set(values).size).toBe(values.length);

describe('dataset layout', () => {
  it('splits persons into fixed chunks and spreads enterprises over them', () => {
    expect(chunks).toHaveLength(2);
    expect(chunkBounds(SPEC, 1)).toEqual({ personFrom: PERSONS_PER_CHUNK, personTo: 14_000, enterpriseFrom: 700, enterpriseTo: 1_400 });
    expect(all((r) => r.parties.persons)).toHaveLength(14_000);
    expect(all((r) => r.parties.enterprises)).toHaveLength(1_400);
  });

  it('rejects sizes it cannot generate consistently', () => {
    expect(datasetProblem({ seed: 1, persons: 0, enterprises: 0 })).toMatch(/persons/);
    expect(datasetProblem({ seed: 1, persons: 10, enterprises: 11 })).toMatch(/must not exceed persons/);
    expect(datasetProblem({ seed: 1, persons: 1.5, enterprises: 0 })).toMatch(/persons/);
    expect(datasetProblem({ seed: '', persons: 10, enterprises: 1 })).toMatch(/seed/);
    expect(datasetProblem({ seed: 1, persons: 10, enterprises: 1, asOf: '30/09/2026' })).toMatch(/asOf/);
    expect(numberingProblem({ seed: 1, persons: 5_000_000, enterprises: 0 }, { executionSeqBase: 500_000, bankruptcySeqBase: 1 })).toMatch(
      /exceed 999999/,
    );
    expect(() => generateChunk(SPEC, 2)).toThrow(RangeError);
  });
});

describe('determinism', () => {
  it('gives identical rows for the same seed and sizes', () => {
    expect(JSON.stringify(generateChunk(SPEC, 1))).toBe(JSON.stringify(chunks[1]));
  });

  it('gives different rows for a different seed', () => {
    const other = generateChunk({ ...SPEC, seed: 8 }, 1);
    expect(other.parties.persons[0].idNumber).not.toBe(chunks[1].parties.persons[0].idNumber);
    expect(other.vehicle.vehicles.map((v) => v.plate)).not.toEqual(chunks[1].vehicle.vehicles.map((v) => v.plate));
  });

  it('tells a numeric seed from the same digits as a word', () => {
    const word = generateChunk({ ...SPEC, seed: '7' }, 0);
    expect(word.parties.persons[0].idNumber).not.toBe(chunks[0].parties.persons[0].idNumber);
  });
});

describe('identifiers', () => {
  it('gives every person a valid, unique resident ID', () => {
    const ids = all((r) => r.parties.persons.map((p) => p.idNumber));
    expect(ids.filter((id) => !isValidResidentId(id))).toEqual([]);
    expectUnique(ids);
    expect(ids.every((id) => id.startsWith('3415'))).toBe(true);
  });

  it('gives every enterprise a valid, unique USCC', () => {
    const codes = all((r) => r.parties.enterprises.map((e) => e.idNumber));
    expect(codes.filter((c) => !isValidUscc(c))).toEqual([]);
    expectUnique(codes);
  });

  it('keeps every unique key unique across chunks', () => {
    expectUnique(all((r) => r.vehicle.vehicles.map((v) => v.plate)));
    expectUnique(all((r) => r.vehicle.vehicles.map((v) => v.vin)));
    expectUnique(all((r) => r.property.units.map((u) => u.certificateNo)));
    expectUnique(all((r) => r.hub.executionCases.map((c) => c.caseNo)));
    expectUnique(all((r) => r.hub.bankruptcyCases.map((c) => c.caseNo)));
    expectUnique(all((r) => r.hub.subjects.map((s) => s.idNumber)));
    expectUnique(
      all((r) =>
        [
          ...r.hub.subjects,
          ...r.hub.executionCases,
          ...r.hub.bankruptcyCases,
          ...r.hub.appointments,
          ...r.property.units,
          ...r.property.encumbrances,
          ...r.vehicle.vehicles,
          ...r.vehicle.encumbrances,
          ...r.tax.filings,
          ...r.tax.arrears,
          ...r.tax.refunds,
          ...r.credit.dishonestDebtors,
          ...r.credit.consumptionRestrictions,
          ...r.credit.penalties,
          ...r.credit.creditRepairs,
        ].map((x) => x.id),
      ),
    );
  });

  it('gives vehicles valid VINs and 皖N plates', () => {
    const vehicles = all((r) => r.vehicle.vehicles);
    expect(vehicles.filter((v) => !vinCheckDigitOk(v.vin))).toEqual([]);
    expect(vehicles.every((v) => /^皖N·[0-9A-Z]{5}$/.test(v.plate))).toBe(true);
  });
});

describe('consistency within a chunk', () => {
  it.each([0, 1])('employs persons only at enterprises that exist, and counts them (chunk %i)', (c) => {
    const rows = chunks[c];
    const enterprises = new Map(rows.parties.enterprises.map((e) => [e.idNumber, e.name]));
    const employed = rows.socialSecurity.persons.filter((p) => p.employerIdNumber !== null);
    expect(employed.length).toBeGreaterThan(rows.parties.persons.length / 3);
    expect(employed.filter((p) => enterprises.get(p.employerIdNumber!) !== p.employerName)).toEqual([]);
    expect(employed.every((p) => p.insuredStatus === 'INSURED' && p.contributionBase !== null)).toBe(true);
    for (const employer of rows.socialSecurity.employers) {
      const count = employed.filter((p) => p.employerIdNumber === employer.idNumber).length;
      expect(employer.insuredEmployeeCount).toBe(count);
    }
    expect(rows.socialSecurity.employers.map((e) => e.idNumber).sort()).toEqual([...enterprises.keys()].sort());
    expect(rows.socialSecurity.employers.some((e) => Number(e.arrearsAmount) > 0)).toBe(true);
  });

  it("names a person of the chunk as every enterprise's legal representative", () => {
    for (const rows of chunks) {
      const persons = new Map(rows.parties.persons.map((p) => [p.idNumber, p.name]));
      const enterprises = rows.tax.taxpayers.filter((t) => t.kind === 'ENTERPRISE');
      expect(enterprises).toHaveLength(rows.parties.enterprises.length);
      expect(enterprises.filter((t) => persons.get(t.legalRepresentativeIdNumber!) !== t.legalRepresentativeName)).toEqual([]);
    }
  });

  it('registers about 30% of persons as taxpayers, with filings, arrears and export rebates', () => {
    const taxpayers = all((r) => r.tax.taxpayers);
    const persons = taxpayers.filter((t) => t.kind === 'PERSON').length;
    expect(persons / 14_000).toBeGreaterThan(0.27);
    expect(persons / 14_000).toBeLessThan(0.33);
    const ids = new Set(taxpayers.map((t) => t.idNumber));
    const records = all((r) => [...r.tax.filings, ...r.tax.arrears, ...r.tax.refunds]);
    expect(records.every((x) => ids.has(x.taxpayerIdNumber))).toBe(true);
    expect(all((r) => r.tax.refunds).some((x) => x.kind === 'EXPORT_REBATE')).toBe(true);
    expect(all((r) => r.tax.arrears).length).toBeGreaterThan(0);
  });

  it('owns property and vehicles only by persons and enterprises of the chunk', () => {
    for (const rows of chunks) {
      const names = new Map([...rows.parties.persons, ...rows.parties.enterprises].map((p) => [p.idNumber, p.name]));
      expect(rows.property.units.filter((u) => names.get(u.ownerIdNumber) !== u.ownerName)).toEqual([]);
      expect(rows.vehicle.vehicles.filter((v) => names.get(v.ownerIdNumber) !== v.ownerName)).toEqual([]);
    }
    const owners = new Set(all((r) => r.property.units.map((u) => u.ownerIdNumber)));
    const personOwners = all((r) => r.parties.persons).filter((p) => owners.has(p.idNumber)).length;
    expect(personOwners / 14_000).toBeGreaterThan(0.35);
    expect(personOwners / 14_000).toBeLessThan(0.45);
  });

  it('makes case respondents persons or enterprises that exist, each with a subject row', () => {
    for (const rows of chunks) {
      const parties = new Set([...rows.parties.persons, ...rows.parties.enterprises].map((p) => p.idNumber));
      const subjects = new Map(rows.hub.subjects.map((s) => [s.idNumber, s]));
      const cases = new Set(rows.hub.executionCases.map((c) => c.id));
      for (const r of rows.hub.respondents) {
        expect(parties.has(r.idNumber)).toBe(true);
        expect(subjects.has(r.idNumber)).toBe(true);
        expect(cases.has(r.caseId)).toBe(true);
      }
      for (const s of subjects.values()) expect(s.kind === 'PERSON' ? isValidResidentId(s.idNumber) : isValidUscc(s.idNumber)).toBe(true);
      const perCase = new Map<string, number>();
      for (const r of rows.hub.respondents) perCase.set(r.caseId, (perCase.get(r.caseId) ?? 0) + 1);
      expect([...cases].every((id) => (perCase.get(id) ?? 0) >= 1 && (perCase.get(id) ?? 0) <= 3)).toBe(true);
    }
  });

  it('files execution cases with valid numbers at courts that exist, each assigned to a clerk of that court', () => {
    const staff = staffRows(SPEC);
    const courts = new Map(staff.organisations.filter((o) => o.kind === 'COURT').map((o) => [o.code, o.name]));
    const clerks = new Map(staff.users.filter((u) => u.role === 'CLERK').map((u) => [u.username, u.organisationCode]));
    const cases = all((r) => r.hub.executionCases);
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      expect(caseNoProblem(c.caseNo, 'EXECUTION', new Date(`${DEFAULT_AS_OF}T00:00:00Z`))).toBeNull();
      const parsed = parseCaseNo(c.caseNo)!;
      expect(parsed.courtCode).toBe(c.courtCode);
      expect(parsed.seq).toBeGreaterThanOrEqual(DEFAULT_NUMBERING.executionSeqBase);
      expect(String(parsed.year)).toBe(c.filedOn.slice(0, 4));
      expect(courts.has(c.courtCode)).toBe(true);
      expect(c.status === 'CLOSED').toBe(c.closedAt !== null);
    }
    expect(cases.filter((c) => c.status === 'ACTIVE').length / cases.length).toBeGreaterThan(0.6);
    const assigned = new Set<string>();
    for (const rows of chunks) {
      const byId = new Map(rows.hub.executionCases.map((c) => [c.id, c]));
      for (const a of rows.hub.clerkAssignments) {
        expect(clerks.get(a.username)).toBe(byId.get(a.caseId)!.courtCode);
        assigned.add(a.caseId);
      }
    }
    expect(assigned.size).toBe(cases.length);
  });

  it('registers every seizure for a case of the chunk whose respondent owns the asset', () => {
    for (const rows of chunks) {
      const cases = new Map(rows.hub.executionCases.map((c) => [c.caseNo, c]));
      const courtNames = new Map(staffRows(SPEC).organisations.map((o) => [o.code, o.name]));
      const respondents = new Set(rows.hub.respondents.map((r) => `${r.caseId}|${r.idNumber}`));
      const owners = new Map<string, string>([
        ...rows.property.units.map((u) => [u.id, u.ownerIdNumber] as [string, string]),
        ...rows.vehicle.vehicles.map((v) => [v.id, v.ownerIdNumber] as [string, string]),
      ]);
      const seizures = [
        ...rows.property.encumbrances.map((e) => ({ ...e, assetId: e.unitId })),
        ...rows.vehicle.encumbrances.map((e) => ({ ...e, assetId: e.vehicleId })),
      ].filter((e) => e.kind === 'SEIZURE');
      expect(seizures.length).toBeGreaterThan(0);
      for (const s of seizures) {
        expect(parseCaseNo(s.caseNo!)).not.toBeNull();
        const c = cases.get(s.caseNo!)!;
        expect(c).toBeDefined();
        expect(s.holder).toBe(courtNames.get(c.courtCode));
        expect(respondents.has(`${c.id}|${owners.get(s.assetId)}`)).toBe(true);
        expect(s.releasedOn === null).toBe(c.status === 'ACTIVE');
        expect(s.registeredOn >= c.filedOn).toBe(true);
      }
    }
  });

  it('gives mortgages a bank or finance company and an amount, never a case', () => {
    const mortgages = all((r) => [...r.property.encumbrances, ...r.vehicle.encumbrances]).filter((e) => e.kind === 'MORTGAGE');
    expect(mortgages.length).toBeGreaterThan(0);
    expect(mortgages.every((m) => m.caseNo === null && Number(m.amount) > 0 && /银行|金融/.test(m.holder))).toBe(true);
    expect(mortgages.some((m) => m.holder === '中国工商银行金寨支行')).toBe(true);
  });

  it("sets each vehicle's status from its active encumbrances", () => {
    for (const rows of chunks) {
      const active = new Map<string, Set<string>>();
      for (const e of rows.vehicle.encumbrances) {
        if (e.releasedOn !== null) continue;
        active.set(e.vehicleId, (active.get(e.vehicleId) ?? new Set()).add(e.kind));
      }
      const inconsistent = rows.vehicle.vehicles.filter((v) => {
        const kinds = active.get(v.id) ?? new Set<string>();
        if (v.status === 'SCRAPPED') return kinds.size > 0;
        return v.status !== (kinds.has('SEIZURE') ? 'SEIZED' : kinds.has('MORTGAGE') ? 'MORTGAGED' : 'NORMAL');
      });
      expect(inconsistent).toEqual([]);
    }
    const statuses = new Set(all((r) => r.vehicle.vehicles.map((v) => v.status)));
    expect([...statuses].sort()).toEqual(['MORTGAGED', 'NORMAL', 'SCRAPPED', 'SEIZED']);
  });

  it('lists dishonest debtors and consumption restrictions only for respondents of their case', () => {
    for (const rows of chunks) {
      const cases = new Map(rows.hub.executionCases.map((c) => [c.caseNo, c]));
      const respondents = new Set(rows.hub.respondents.map((r) => `${r.caseId}|${r.idNumber}`));
      for (const entry of [...rows.credit.dishonestDebtors, ...rows.credit.consumptionRestrictions]) {
        const c = cases.get(entry.caseNo)!;
        expect(respondents.has(`${c.id}|${entry.subjectIdNumber}`)).toBe(true);
      }
      for (const d of rows.credit.dishonestDebtors) expect(d.removedOn === null).toBe(cases.get(d.caseNo)!.status === 'ACTIVE');
    }
    expect(all((r) => r.credit.penalties).length).toBeGreaterThan(0);
  });

  it('opens bankruptcy cases for about 2% of enterprises, with rulings, appointments and credit repair after reorganisation', () => {
    const staff = staffRows(SPEC);
    const firms = new Set(staff.organisations.filter((o) => o.kind === 'ADMINISTRATOR_FIRM').map((o) => o.code));
    const cases = all((r) => r.hub.bankruptcyCases);
    expect(cases.length).toBeGreaterThanOrEqual(12);
    expect(cases.length).toBeLessThanOrEqual(50);
    for (const rows of chunks) {
      const enterprises = new Set(rows.parties.enterprises.map((e) => e.idNumber));
      const subjects = new Set(rows.hub.subjects.map((s) => s.idNumber));
      const byId = new Map(rows.hub.bankruptcyCases.map((c) => [c.id, c]));
      for (const c of rows.hub.bankruptcyCases) {
        expect(caseNoProblem(c.caseNo, 'BANKRUPTCY', new Date(`${DEFAULT_AS_OF}T00:00:00Z`))).toBeNull();
        expect(enterprises.has(c.debtorIdNumber) && subjects.has(c.debtorIdNumber)).toBe(true);
        if (c.acceptanceRulingNo !== null) expect(c.acceptanceRulingNo).toBe(`${c.caseNo}之一`);
        expect(rows.hub.appointments.some((a) => a.caseId === c.id)).toBe(true);
      }
      for (const a of rows.hub.appointments) {
        expect(byId.has(a.caseId) && firms.has(a.firmCode)).toBe(true);
        if (a.validTo !== null) expect(a.validTo >= a.validFrom).toBe(true);
      }
      const byCaseNo = new Map(rows.hub.bankruptcyCases.map((c) => [c.caseNo, c]));
      for (const repair of rows.credit.creditRepairs) {
        const basis = byCaseNo.get(repair.basisCaseNo)!;
        expect(basis.status).toBe('REORGANISATION');
        expect(basis.debtorIdNumber).toBe(repair.subjectIdNumber);
      }
    }
    const appointments = all((r) => r.hub.appointments);
    expect(appointments.some((a) => a.validTo !== null && a.validTo < DEFAULT_AS_OF)).toBe(true);
    expect(appointments.some((a) => a.validTo === null || a.validTo > DEFAULT_AS_OF)).toBe(true);
  });

  it('dates nothing after the as-of day', () => {
    const dates = all((r) => [
      ...r.hub.executionCases.map((c) => c.filedOn),
      ...r.hub.bankruptcyCases.map((c) => c.acceptedOn),
      ...r.property.units.map((u) => u.registeredOn),
      ...r.property.encumbrances.map((e) => e.registeredOn),
      ...r.vehicle.vehicles.map((v) => v.registeredOn),
      ...r.tax.filings.map((f) => f.filedOn),
      ...r.credit.dishonestDebtors.map((d) => d.listedOn),
      ...r.credit.consumptionRestrictions.map((d) => d.issuedOn),
      ...r.credit.penalties.map((p) => p.decidedOn),
      ...r.credit.creditRepairs.map((p) => p.repairedOn),
    ]);
    expect(dates.filter((d) => !(d <= DEFAULT_AS_OF))).toEqual([]);
  });
});

describe('staff', () => {
  it('creates the named courts and a handful of clerks per court, independent of the seed', () => {
    const staff = staffRows({ persons: 1000 });
    expect(staff.organisations).toEqual(
      expect.arrayContaining([
        { code: '皖1524', name: '金寨县人民法院', kind: 'COURT' },
        { code: '皖1522', name: '霍邱县人民法院', kind: 'COURT' },
        { code: '皖15', name: '六安市中级人民法院', kind: 'COURT' },
      ]),
    );
    expect(staff.users.map((u) => u.username)).toEqual(expect.arrayContaining(['clerk-1524-001', 'clerk-15-003']));
    expect(staff.organisations.filter((o) => o.kind === 'ADMINISTRATOR_FIRM').every((o) => isValidUscc(o.code))).toBe(true);
    expectUnique(staff.users.map((u) => u.username));
  });
});
