// Pure generation of synthetic rows for all six databases, one chunk at a time, without I/O.
//
// A dataset is identified by (seed, persons, enterprises, asOf). Persons are split into chunks of
// PERSONS_PER_CHUNK; enterprises are spread evenly over the chunks. Everything that refers to
// something else (employers, legal representatives, case respondents, seizures) stays inside its
// chunk, so a chunk is complete and consistent on its own and memory stays bounded. Identifiers
// come from keyed permutations of global slot indices (see unique-codes.ts), so they never collide
// across chunks; every other value comes from RNG streams keyed by the dataset and chunk index.

import { address, enterpriseName, personName, phone, unitCode, vin, type Region } from './chinese';
import { Random } from './random';
import { SOURCES } from '../sources/registry';
import {
  ADMINISTRATOR_FIRMS,
  AUTO_FINANCE,
  COURTS,
  CREDIT_REPAIR_AUTHORITIES,
  DISHONEST_CIRCUMSTANCES,
  ENTERPRISE_USES,
  INTERMEDIATE_COURT,
  MEDICAL_PLANS,
  OBLIGATIONS,
  PENALTY_REASONS,
  RESIDENTIAL_USES,
  TAX_TYPES,
  VEHICLE_MODELS,
  bankBranches,
  certificateIssuer,
  countyFullName,
  courtForRegion,
  hospitals,
  shortName,
  taxAuthority,
  type Court,
} from './synthetic-catalogue';
import {
  CERTIFICATE_SPACE,
  IndexPermutation,
  PLATE_SPACE,
  RESIDENT_ID_SPACE,
  USCC_SPACE,
  certificateAt,
  plateAt,
  residentIdAt,
  usccAt,
} from './unique-codes';
import type { ExecutionCaseStatus } from '../entities/hub/execution-case.entity';
import type { BankruptcyCaseStatus } from '../entities/hub/bankruptcy-case.entity';
import type { VehicleStatus } from '../sources/vehicle/entities/vehicle.entity';
import type { EncumbranceKind } from '../sources/encumbrance-columns';
import type { ReferenceValueBasis } from '../schema/records.type';

export const PERSONS_PER_CHUNK = 10_000;
export const MAX_PERSONS = 5_000_000;
/** Case-number sequence slots reserved per chunk; a chunk never files more cases than this. */
export const EXECUTION_SLOTS_PER_CHUNK = 1_700;
export const BANKRUPTCY_SLOTS_PER_CHUNK = 400;
/** Generated execution cases number from here upwards, away from hand-made demo cases. */
export const EXECUTION_SEQ_BASE = 100_001;
export const BANKRUPTCY_SEQ_BASE = 10_001;
const MAX_CASE_SEQ = 999_999;
/** The day the data describes; fixed so a seed always yields the same data. */
export const DEFAULT_AS_OF = '2026-09-30';

export interface DatasetSpec {
  seed: number | string;
  persons: number;
  enterprises: number;
  /** YYYY-MM-DD; defaults to DEFAULT_AS_OF. */
  asOf?: string;
}

/** First sequence numbers to use; raised above what a database already holds so reruns stay additive. */
export interface CaseNumbering {
  executionSeqBase: number;
  bankruptcySeqBase: number;
}

export const DEFAULT_NUMBERING: CaseNumbering = {
  executionSeqBase: EXECUTION_SEQ_BASE,
  bankruptcySeqBase: BANKRUPTCY_SEQ_BASE,
};

// ---- row shapes (camelCase of the table columns) ----

export interface OrganisationRow {
  code: string;
  name: string;
  kind: 'COURT' | 'ADMINISTRATOR_FIRM';
}
export interface UserRow {
  username: string;
  displayName: string;
  role: 'CLERK' | 'ADMINISTRATOR';
  organisationCode: string;
}
export interface StaffRows {
  organisations: OrganisationRow[];
  users: UserRow[];
}

export interface SubjectRow {
  id: string;
  kind: 'PERSON' | 'ENTERPRISE';
  idNumber: string;
  name: string;
}
export interface ExecutionCaseRow {
  id: string;
  caseNo: string;
  courtCode: string;
  status: ExecutionCaseStatus;
  filedOn: string;
  amountDue: string;
  closedAt: string | null;
}
export interface RespondentRow {
  caseId: string;
  idNumber: string;
}
export interface ClerkAssignmentRow {
  caseId: string;
  username: string;
}
export interface BankruptcyCaseRow {
  id: string;
  caseNo: string;
  courtCode: string;
  debtorIdNumber: string;
  acceptanceRulingNo: string | null;
  status: BankruptcyCaseStatus;
  acceptedOn: string;
  closedAt: string | null;
}
export interface AppointmentRow {
  id: string;
  caseId: string;
  firmCode: string;
  decisionNo: string | null;
  validFrom: string;
  validTo: string | null;
  endedAt: string | null;
}

/** 参考价 of a unit or vehicle; null where none is known. */
export interface ReferenceValueColumns {
  referenceValue: string | null;
  referenceValueOn: string | null;
  referenceValueBasis: ReferenceValueBasis | null;
}
export interface RealEstateUnitRow extends ReferenceValueColumns {
  id: string;
  certificateNo: string;
  unitCode: string;
  ownerIdNumber: string;
  ownerName: string;
  location: string;
  use: string;
  area: string;
  registeredOn: string;
}
export interface EncumbranceRow {
  id: string;
  kind: EncumbranceKind;
  holder: string;
  caseNo: string | null;
  amount: string | null;
  registeredOn: string;
  releasedOn: string | null;
}
export interface RealEstateEncumbranceRow extends EncumbranceRow {
  unitId: string;
  expiresOn: string | null;
}
export interface VehicleRow extends ReferenceValueColumns {
  id: string;
  plate: string;
  vin: string;
  make: string;
  model: string;
  ownerIdNumber: string;
  ownerName: string;
  registeredOn: string;
  status: VehicleStatus;
}
export interface VehicleEncumbranceRow extends EncumbranceRow {
  vehicleId: string;
}

export interface TaxpayerRow {
  idNumber: string;
  name: string;
  kind: 'PERSON' | 'ENTERPRISE';
  taxAuthority: string;
  creditGrade: string | null;
  legalRepresentativeName: string | null;
  legalRepresentativeIdNumber: string | null;
  registeredOn: string;
}
export interface TaxFilingRow {
  id: string;
  taxpayerIdNumber: string;
  period: string;
  taxType: string;
  taxableAmount: string;
  taxPaid: string;
  filedOn: string;
}
export interface TaxArrearRow {
  id: string;
  taxpayerIdNumber: string;
  taxType: string;
  period: string;
  amount: string;
  lateFee: string;
  since: string;
}
export interface TaxRefundRow {
  id: string;
  taxpayerIdNumber: string;
  kind: 'EXPORT_REBATE' | 'OVERPAYMENT' | 'VAT_CREDIT';
  amount: string;
  status: 'PENDING' | 'APPROVED' | 'PAID';
  appliedOn: string;
}

export interface InsuredPersonRow {
  idNumber: string;
  name: string;
  phone: string | null;
  address: string | null;
  insuredStatus: 'INSURED' | 'SUSPENDED' | 'TERMINATED';
  employerIdNumber: string | null;
  employerName: string | null;
  contributionBase: string | null;
  insuranceTypes: string[];
  medicalPlan: string | null;
  medicalAccountBalance: string | null;
  designatedHospital: string | null;
}
export interface InsuredEmployerRow {
  idNumber: string;
  name: string;
  insuredEmployeeCount: number;
  arrearsAmount: string;
  arrearsSince: string | null;
  registeredOn: string;
}

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

/** Who the chunk's records are about; not a table, but what tests and benchmarks pick subjects from. */
export interface PartyRow {
  idNumber: string;
  name: string;
  regionCode: string;
}

export interface ChunkRows {
  parties: { persons: PartyRow[]; enterprises: PartyRow[] };
  hub: {
    subjects: SubjectRow[];
    executionCases: ExecutionCaseRow[];
    respondents: RespondentRow[];
    clerkAssignments: ClerkAssignmentRow[];
    bankruptcyCases: BankruptcyCaseRow[];
    appointments: AppointmentRow[];
  };
  property: { units: RealEstateUnitRow[]; encumbrances: RealEstateEncumbranceRow[] };
  vehicle: { vehicles: VehicleRow[]; encumbrances: VehicleEncumbranceRow[] };
  tax: { taxpayers: TaxpayerRow[]; filings: TaxFilingRow[]; arrears: TaxArrearRow[]; refunds: TaxRefundRow[] };
  socialSecurity: { persons: InsuredPersonRow[]; employers: InsuredEmployerRow[] };
  credit: {
    dishonestDebtors: DishonestDebtorRow[];
    consumptionRestrictions: ConsumptionRestrictionRow[];
    penalties: AdministrativePenaltyRow[];
    creditRepairs: CreditRepairRow[];
  };
}

/**
 * What a source's own synthetic generator (its registry entry's `generate`) gets of a chunk: the chunk's parties and
 * execution cases, settled by the time it runs, and random streams of its own, so adding a source leaves the other
 * sources' data unchanged. It returns its rows keyed as in its `synthetic` entry.
 */
export interface SyntheticChunk {
  /** YYYY-MM-DD the data describes. */
  asOf: string;
  /** YYYY-MM-DD `offset` days after asOf (negative: before). */
  day(offset: number): string;
  persons: ReadonlyArray<{ idNumber: string; name: string; regionCode: string; age: number; employerIdNumber: string | null }>;
  enterprises: ReadonlyArray<{ idNumber: string; name: string; regionCode: string; legalRepresentativeIdNumber: string; troubled: boolean }>;
  executionCases: ReadonlyArray<{ caseNo: string; court: string; filedOn: string; closedOn: string | null; respondentIdNumbers: string[] }>;
  /** An independent random stream for one concern of the source. */
  random(concern: string): Random;
  /** A fresh deterministic UUID from the source's own stream. */
  uuid(): string;
}

// ---- dataset layout ----

/** Short English reason why the dataset cannot be generated, or null. */
export function datasetProblem(spec: DatasetSpec): string | null {
  const { persons, enterprises } = spec;
  if (!Number.isSafeInteger(persons) || persons < 1 || persons > MAX_PERSONS) {
    return `persons must be an integer between 1 and ${MAX_PERSONS}`;
  }
  if (!Number.isSafeInteger(enterprises) || enterprises < 0) return 'enterprises must be a non-negative integer';
  // Every enterprise needs a legal representative among the persons of its chunk.
  if (enterprises > persons) return `enterprises (${enterprises}) must not exceed persons (${persons})`;
  if (persons + 3 * enterprises > PLATE_SPACE) {
    return `persons + 3 × enterprises must not exceed ${PLATE_SPACE} (distinct 皖N plates)`;
  }
  if (typeof spec.seed === 'number' ? !Number.isFinite(spec.seed) : spec.seed.length === 0) return 'seed must not be empty';
  if (spec.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(spec.asOf)) return 'asOf must be YYYY-MM-DD';
  return null;
}

/** Short English reason why the case-number ranges do not fit the six digits of a sequence, or null. */
export function numberingProblem(spec: DatasetSpec, numbering: CaseNumbering): string | null {
  const chunks = chunkCount(spec);
  if (numbering.executionSeqBase + chunks * EXECUTION_SLOTS_PER_CHUNK - 1 > MAX_CASE_SEQ) {
    return `execution case numbers from ${numbering.executionSeqBase} would exceed ${MAX_CASE_SEQ}`;
  }
  if (numbering.bankruptcySeqBase + chunks * BANKRUPTCY_SLOTS_PER_CHUNK - 1 > MAX_CASE_SEQ) {
    return `bankruptcy case numbers from ${numbering.bankruptcySeqBase} would exceed ${MAX_CASE_SEQ}`;
  }
  return null;
}

export function chunkCount(spec: DatasetSpec): number {
  return Math.ceil(spec.persons / PERSONS_PER_CHUNK);
}

export interface ChunkBounds {
  personFrom: number;
  personTo: number;
  enterpriseFrom: number;
  enterpriseTo: number;
}

export function chunkBounds(spec: DatasetSpec, chunk: number): ChunkBounds {
  const chunks = chunkCount(spec);
  return {
    personFrom: chunk * PERSONS_PER_CHUNK,
    personTo: Math.min(spec.persons, (chunk + 1) * PERSONS_PER_CHUNK),
    enterpriseFrom: Math.floor((chunk * spec.enterprises) / chunks),
    enterpriseTo: Math.floor(((chunk + 1) * spec.enterprises) / chunks),
  };
}

function datasetKey(spec: DatasetSpec): string {
  return `${typeof spec.seed}:${spec.seed}|${spec.persons}|${spec.enterprises}|${spec.asOf ?? DEFAULT_AS_OF}`;
}

// ---- staff: courts, firms and their users ----

export function clerksPerCourt(persons: number): number {
  return Math.min(20, Math.max(3, Math.ceil(persons / 50_000)));
}

export function clerkUsername(court: Court, n: number): string {
  return `clerk-${court.code.slice(1)}-${String(n).padStart(3, '0')}`;
}

export const ADMINISTRATORS_PER_FIRM = 3;

export function administratorUsername(firmIndex: number, n: number): string {
  return `administrator-${String(firmIndex + 1).padStart(2, '0')}-${String(n).padStart(3, '0')}`;
}

/** Organisations and users the cases refer to. Independent of the seed, so every run reuses them. */
export function staffRows(spec: Pick<DatasetSpec, 'persons'>): StaffRows {
  const organisations: OrganisationRow[] = [
    ...COURTS.map((c) => ({ code: c.code, name: c.name, kind: 'COURT' as const })),
    ...ADMINISTRATOR_FIRMS.map((f) => ({ code: f.code, name: f.name, kind: 'ADMINISTRATOR_FIRM' as const })),
  ];
  const users: UserRow[] = [];
  const display = (username: string) => personName(new Random(`staff|${username}`));
  for (const court of COURTS) {
    for (let n = 1; n <= clerksPerCourt(spec.persons); n++) {
      const username = clerkUsername(court, n);
      users.push({ username, displayName: display(username), role: 'CLERK', organisationCode: court.code });
    }
  }
  ADMINISTRATOR_FIRMS.forEach((firm, f) => {
    for (let n = 1; n <= ADMINISTRATORS_PER_FIRM; n++) {
      const username = administratorUsername(f, n);
      users.push({ username, displayName: display(username), role: 'ADMINISTRATOR', organisationCode: firm.code });
    }
  });
  return { organisations, users };
}

// ---- dates and amounts ----

const DAY_MS = 86_400_000;
const toDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
// Formatting dates is a hot path (millions of rows); the days in use are few, so memoise.
const isoCache = new Map<number, string>();
const iso = (day: number): string => {
  let s = isoCache.get(day);
  if (s === undefined) isoCache.set(day, (s = new Date(day * DAY_MS).toISOString().slice(0, 10)));
  return s;
};
const yearOf = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();
/** A working-day afternoon in China, as a timestamptz literal. */
const timestamp = (day: number): string => `${iso(day)}T16:30:00+08:00`;
const money = (yuan: number): string => yuan.toFixed(2);
const YEAR = 365;

function logUniform(rng: Random, lo: number, hi: number): number {
  return lo * Math.pow(hi / lo, rng.next());
}

function stochasticRound(rng: Random, x: number): number {
  const whole = Math.floor(x);
  return whole + (rng.chance(x - whole) ? 1 : 0);
}

function uuid(rng: Random): string {
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  const s = hex(rng.uint32()) + hex((rng.uint32() & 0xffff0fff) | 0x4000) + hex((rng.uint32() & 0x3fffffff) | 0x80000000) + hex(rng.uint32());
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

// ---- the chunk ----

interface Party {
  kind: 'PERSON' | 'ENTERPRISE';
  idNumber: string;
  name: string;
  region: Region;
  units: RealEstateUnitRow[];
  vehicles: VehicleRow[];
}

interface Person extends Party {
  kind: 'PERSON';
  birthDay: number;
  age: number;
  employer: Enterprise | null;
}

interface Enterprise extends Party {
  kind: 'ENTERPRISE';
  registeredDay: number;
  legalRep: Person;
  exporter: boolean;
  employees: number;
  averageBase: number;
  troubled: boolean;
}

interface CaseParty {
  row: ExecutionCaseRow;
  court: Court;
  filedDay: number;
  closedDay: number | null;
  respondents: Party[];
}

const ALL_INSURANCE = ['PENSION', 'MEDICAL', 'UNEMPLOYMENT', 'WORK_INJURY', 'MATERNITY'];
const CONTRIBUTION_FLOOR = 4_227;
const CONTRIBUTION_CEILING = 21_135;

/** All rows of one chunk. Pure: the same (spec, chunk, numbering) always gives the same rows. */
export function generateChunk(spec: DatasetSpec, chunk: number, numbering: CaseNumbering = DEFAULT_NUMBERING): ChunkRows {
  const problem = datasetProblem(spec) ?? numberingProblem(spec, numbering);
  if (problem) throw new RangeError(problem);
  if (!Number.isInteger(chunk) || chunk < 0 || chunk >= chunkCount(spec)) throw new RangeError(`no chunk ${chunk}`);
  return new ChunkBuilder(spec, chunk, numbering).build();
}

class ChunkBuilder {
  private readonly key: string;
  private readonly asOf: number;
  private readonly bounds: ChunkBounds;
  private readonly ids: Random;
  /** Reference values have a stream of their own, so adding them left every other value as it was. */
  private readonly values: Random;
  private readonly persons: Person[] = [];
  private readonly enterprises: Enterprise[] = [];
  private readonly cases: CaseParty[] = [];
  private readonly unitEncumbrances = new Map<string, RealEstateEncumbranceRow[]>();
  private readonly vehicleEncumbrances = new Map<string, VehicleEncumbranceRow[]>();
  private readonly rows: ChunkRows = {
    parties: { persons: [], enterprises: [] },
    hub: { subjects: [], executionCases: [], respondents: [], clerkAssignments: [], bankruptcyCases: [], appointments: [] },
    property: { units: [], encumbrances: [] },
    vehicle: { vehicles: [], encumbrances: [] },
    tax: { taxpayers: [], filings: [], arrears: [], refunds: [] },
    socialSecurity: { persons: [], employers: [] },
    credit: { dishonestDebtors: [], consumptionRestrictions: [], penalties: [], creditRepairs: [] },
  };

  constructor(
    private readonly spec: DatasetSpec,
    private readonly chunk: number,
    private readonly numbering: CaseNumbering,
  ) {
    this.key = datasetKey(spec);
    this.asOf = toDay(spec.asOf ?? DEFAULT_AS_OF);
    this.bounds = chunkBounds(spec, chunk);
    this.ids = this.stream('ids');
    this.values = this.stream('reference values');
  }

  build(): ChunkRows {
    this.makePersons();
    this.makeEnterprises();
    this.makeSocialSecurity();
    this.makeTax();
    this.makeProperty();
    this.makeVehicles();
    this.makeExecutionCases();
    this.makeSeizures();
    this.settleVehicleStatuses();
    this.makeCredit();
    this.makeBankruptcies();
    for (const source of SOURCES) {
      // Sources whose rows are built above have no generator of their own.
      const generate = (source as { generate?: (chunk: SyntheticChunk) => Record<string, object[]> }).generate;
      if (generate) (this.rows as unknown as Record<string, unknown>)[source.name] = generate(this.syntheticChunk(source.name));
    }
    const party = (p: Party): PartyRow => ({ idNumber: p.idNumber, name: p.name, regionCode: p.region.code });
    this.rows.parties = { persons: this.persons.map(party), enterprises: this.enterprises.map(party) };
    return this.rows;
  }

  private syntheticChunk(source: string): SyntheticChunk {
    const ids = this.stream(`${source} ids`);
    return {
      asOf: iso(this.asOf),
      day: (offset) => iso(this.asOf + offset),
      persons: this.persons.map((p) => ({
        idNumber: p.idNumber,
        name: p.name,
        regionCode: p.region.code,
        age: p.age,
        employerIdNumber: p.employer?.idNumber ?? null,
      })),
      enterprises: this.enterprises.map((e) => ({
        idNumber: e.idNumber,
        name: e.name,
        regionCode: e.region.code,
        legalRepresentativeIdNumber: e.legalRep.idNumber,
        troubled: e.troubled,
      })),
      executionCases: this.cases.map((c) => ({
        caseNo: c.row.caseNo,
        court: c.court.name,
        filedOn: iso(c.filedDay),
        closedOn: c.closedDay === null ? null : iso(c.closedDay),
        respondentIdNumbers: c.respondents.map((r) => r.idNumber),
      })),
      random: (concern) => this.stream(`${source}|${concern}`),
      uuid: () => uuid(ids),
    };
  }

  /** Independent stream per concern, so changing one concern's draws leaves the others' data unchanged. */
  private stream(concern: string): Random {
    return new Random(`${this.key}|chunk ${this.chunk}|${concern}`);
  }

  private permutation(space: number, concern: string): IndexPermutation {
    return new IndexPermutation(space, `${this.key}|${concern}`);
  }

  private dayBetween(rng: Random, from: number, to: number): number {
    return from >= to ? to : rng.int(from, to);
  }

  private makePersons(): void {
    const rng = this.stream('persons');
    const ids = this.permutation(RESIDENT_ID_SPACE, 'resident ids');
    const asOfYear = yearOf(this.asOf);
    const asOfMonthDay = iso(this.asOf).slice(5);
    for (let i = this.bounds.personFrom; i < this.bounds.personTo; i++) {
      const identity = residentIdAt(ids.at(i));
      const age = asOfYear - Number(identity.birthDate.slice(0, 4)) - (identity.birthDate.slice(5) > asOfMonthDay ? 1 : 0);
      this.persons.push({
        kind: 'PERSON',
        idNumber: identity.idNumber,
        name: personName(rng),
        region: identity.region,
        birthDay: toDay(identity.birthDate),
        age,
        employer: null,
        units: [],
        vehicles: [],
      });
    }
  }

  private makeEnterprises(): void {
    const rng = this.stream('enterprises');
    const codes = this.permutation(USCC_SPACE, 'credit codes');
    const adults = this.persons.filter((p) => p.age >= 25 && p.age <= 70);
    const reps = adults.length > 0 ? adults : this.persons;
    for (let j = this.bounds.enterpriseFrom; j < this.bounds.enterpriseTo; j++) {
      const { idNumber, region } = usccAt(codes.at(j));
      this.enterprises.push({
        kind: 'ENTERPRISE',
        idNumber,
        name: enterpriseName(rng, region.county),
        region,
        registeredDay: this.dayBetween(rng, toDay('2000-01-01'), this.asOf - 180),
        legalRep: rng.pick(reps),
        exporter: rng.chance(0.1),
        employees: 0,
        averageBase: logUniform(rng, 4_500, 12_000),
        troubled: false,
        units: [],
        vehicles: [],
      });
    }
    // A few large employers and many small ones.
    const employ = this.stream('employment');
    if (this.enterprises.length === 0) return;
    for (const p of this.persons) {
      if (p.age > 60 || !employ.chance(0.6)) continue;
      const r = employ.next();
      p.employer = this.enterprises[Math.floor(r * r * this.enterprises.length)];
      p.employer.employees++;
    }
  }

  private makeSocialSecurity(): void {
    const rng = this.stream('social security');
    for (const p of this.persons) {
      const employer = p.employer;
      if (!employer && !rng.chance(0.9)) continue;
      let status: InsuredPersonRow['insuredStatus'] = 'INSURED';
      let base: number | null = null;
      let types: string[];
      if (employer) {
        base = Math.min(CONTRIBUTION_CEILING, Math.max(CONTRIBUTION_FLOOR, employer.averageBase * (0.6 + rng.next())));
        types = ALL_INSURANCE;
      } else if (p.age > 60) {
        types = ['MEDICAL']; // retired: drawing a pension, no contributions
      } else {
        const r = rng.next();
        status = r < 0.55 ? 'INSURED' : r < 0.8 ? 'SUSPENDED' : 'TERMINATED';
        base = status === 'TERMINATED' ? null : rng.int(CONTRIBUTION_FLOOR, 8_000);
        types = status === 'TERMINATED' ? [] : ['PENSION', 'MEDICAL'];
      }
      const employee = employer !== null || p.age > 60;
      this.rows.socialSecurity.persons.push({
        idNumber: p.idNumber,
        name: p.name,
        phone: rng.chance(0.95) ? phone(rng) : null,
        address: address(rng, p.region),
        insuredStatus: status,
        employerIdNumber: employer?.idNumber ?? null,
        employerName: employer?.name ?? null,
        contributionBase: base === null ? null : money(Math.round(base)),
        insuranceTypes: types,
        medicalPlan: types.includes('MEDICAL') ? MEDICAL_PLANS[employee ? 0 : 1] : null,
        medicalAccountBalance: types.includes('MEDICAL') && employee ? money(rng.int(0, 2_000_000) / 100) : null,
        designatedHospital: types.includes('MEDICAL') ? rng.pick(hospitals(p.region)) : null,
      });
    }
    for (const e of this.enterprises) {
      let arrears = 0;
      let since: number | null = null;
      if (e.employees > 0 && rng.chance(0.08)) {
        const months = rng.int(2, 18);
        arrears = Math.round(e.employees * e.averageBase * 0.16 * months);
        since = this.asOf - months * 30;
        e.troubled = true;
      }
      this.rows.socialSecurity.employers.push({
        idNumber: e.idNumber,
        name: e.name,
        insuredEmployeeCount: e.employees,
        arrearsAmount: money(arrears),
        arrearsSince: since === null ? null : iso(since),
        registeredOn: iso(this.dayBetween(rng, e.registeredDay + 30, e.registeredDay + YEAR)),
      });
    }
  }

  private makeTax(): void {
    const rng = this.stream('tax');
    const tax = this.rows.tax;
    const asOfYear = yearOf(this.asOf);
    // The last annual return whose deadline (31 May / 30 June) has passed.
    const lastCorporateYear = iso(this.asOf).slice(5) > '05-31' ? asOfYear - 1 : asOfYear - 2;
    const lastPersonalYear = iso(this.asOf).slice(5) > '06-30' ? asOfYear - 1 : asOfYear - 2;
    const arrear = (idNumber: string, taxType: string, amount: number) => {
      const since = this.asOf - rng.int(20, 720);
      const period = iso(since - 15).slice(0, 7);
      const lateFee = Math.min(amount, amount * 0.0005 * (this.asOf - since));
      tax.arrears.push({
        id: uuid(this.ids),
        taxpayerIdNumber: idNumber,
        taxType,
        period,
        amount: money(amount),
        lateFee: money(lateFee),
        since: iso(since),
      });
    };

    for (const e of this.enterprises) {
      const hasArrears = rng.chance(e.troubled ? 0.35 : 0.05);
      const isNew = e.registeredDay > this.asOf - YEAR;
      const r = rng.next();
      const grade = hasArrears
        ? r < 0.4
          ? 'C'
          : 'D'
        : isNew
          ? 'M'
          : e.exporter
            ? r < 0.5
              ? 'A'
              : 'B'
            : r < 0.2
              ? 'A'
              : r < 0.75
                ? 'B'
                : r < 0.95
                  ? 'M'
                  : 'C';
      e.troubled ||= hasArrears || grade === 'D';
      tax.taxpayers.push({
        idNumber: e.idNumber,
        name: e.name,
        kind: 'ENTERPRISE',
        taxAuthority: taxAuthority(e.region),
        creditGrade: grade,
        legalRepresentativeName: e.legalRep.name,
        legalRepresentativeIdNumber: e.legalRep.idNumber,
        registeredOn: iso(this.dayBetween(rng, e.registeredDay, e.registeredDay + 60)),
      });
      const monthlyRevenue = (e.employees + 1) * logUniform(rng, 8_000, 40_000);
      const smallScale = e.employees < 10;
      // Troubled enterprises have stopped filing for the latest months.
      const missed = e.troubled ? rng.int(0, 3) : 0;
      const asOfMonth = new Date(this.asOf * DAY_MS);
      for (let m = 6; m > missed; m--) {
        const start = Date.UTC(asOfMonth.getUTCFullYear(), asOfMonth.getUTCMonth() - m, 1) / DAY_MS;
        if (start < e.registeredDay) continue;
        const nextMonth = Date.UTC(asOfMonth.getUTCFullYear(), asOfMonth.getUTCMonth() - m + 1, 1) / DAY_MS;
        const taxable = monthlyRevenue * (0.7 + 0.6 * rng.next());
        tax.filings.push({
          id: uuid(this.ids),
          taxpayerIdNumber: e.idNumber,
          period: iso(start).slice(0, 7),
          taxType: TAX_TYPES.vat,
          taxableAmount: money(taxable),
          taxPaid: money(taxable * (smallScale ? 0.03 : 0.13 * 0.3)),
          filedOn: iso(Math.min(this.asOf, nextMonth + rng.int(0, 14))),
        });
      }
      if (e.registeredDay < Date.UTC(lastCorporateYear, 0, 1) / DAY_MS) {
        const profit = monthlyRevenue * 12 * (rng.next() * 0.12 - 0.02);
        tax.filings.push({
          id: uuid(this.ids),
          taxpayerIdNumber: e.idNumber,
          period: String(lastCorporateYear),
          taxType: TAX_TYPES.corporateIncome,
          taxableAmount: money(Math.max(0, profit)),
          taxPaid: money(Math.max(0, profit) * (smallScale ? 0.05 : 0.25)),
          filedOn: iso(toDay(`${lastCorporateYear + 1}-03-01`) + rng.int(0, 91)),
        });
      }
      if (hasArrears) {
        const types = [TAX_TYPES.vat, TAX_TYPES.corporateIncome, TAX_TYPES.property, TAX_TYPES.landUse];
        for (let k = rng.int(1, 3); k > 0; k--) arrear(e.idNumber, rng.pick(types), logUniform(rng, 5_000, 2_000_000));
      }
      if (e.exporter ? rng.chance(0.6) : rng.chance(0.05)) {
        const kind = e.exporter ? 'EXPORT_REBATE' : rng.chance(0.5) ? 'VAT_CREDIT' : 'OVERPAYMENT';
        const s = rng.next();
        tax.refunds.push({
          id: uuid(this.ids),
          taxpayerIdNumber: e.idNumber,
          kind,
          amount: money(logUniform(rng, 2_000, 3_000_000)),
          status: s < 0.4 ? 'PENDING' : s < 0.7 ? 'APPROVED' : 'PAID',
          appliedOn: iso(this.asOf - rng.int(5, 400)),
        });
      }
    }

    for (const p of this.persons) {
      if (!rng.chance(0.3)) continue;
      const adult = p.birthDay + 18 * YEAR;
      tax.taxpayers.push({
        idNumber: p.idNumber,
        name: p.name,
        kind: 'PERSON',
        taxAuthority: taxAuthority(p.region),
        creditGrade: null,
        legalRepresentativeName: null,
        legalRepresentativeIdNumber: null,
        registeredOn: iso(this.dayBetween(rng, Math.max(adult, toDay('2010-01-01')), this.asOf - YEAR)),
      });
      for (const year of [lastPersonalYear - 1, lastPersonalYear]) {
        const income = logUniform(rng, 40_000, 400_000);
        const taxable = Math.max(0, income - 60_000 - rng.int(0, 36_000));
        tax.filings.push({
          id: uuid(this.ids),
          taxpayerIdNumber: p.idNumber,
          period: String(year),
          taxType: TAX_TYPES.personalIncome,
          taxableAmount: money(taxable),
          taxPaid: money(personalIncomeTax(taxable)),
          filedOn: iso(toDay(`${year + 1}-03-01`) + rng.int(0, 121)),
        });
      }
      if (rng.chance(0.02)) arrear(p.idNumber, TAX_TYPES.personalIncome, logUniform(rng, 1_000, 80_000));
      if (rng.chance(0.08)) {
        tax.refunds.push({
          id: uuid(this.ids),
          taxpayerIdNumber: p.idNumber,
          kind: 'OVERPAYMENT',
          amount: money(logUniform(rng, 50, 6_000)),
          status: rng.chance(0.7) ? 'PAID' : 'APPROVED',
          appliedOn: iso(toDay(`${lastPersonalYear + 1}-03-01`) + rng.int(0, 121)),
        });
      }
    }
  }

  private makeProperty(): void {
    const rng = this.stream('property');
    const certificates = this.permutation(CERTIFICATE_SPACE, 'certificates');
    const personSlots = 2 * this.spec.persons;
    for (const [k, p] of this.persons.entries()) {
      if (!rng.chance(0.4)) continue;
      const count = rng.chance(0.8) ? 1 : 2;
      for (let n = 0; n < count; n++) this.addUnit(rng, p, certificates.at(2 * (this.bounds.personFrom + k) + n));
    }
    for (const [k, e] of this.enterprises.entries()) {
      if (!rng.chance(e.troubled ? 0.5 : 0.25)) continue;
      const slot = personSlots + 3 * (this.bounds.enterpriseFrom + k);
      for (let n = rng.int(1, 3) - 1; n >= 0; n--) this.addUnit(rng, e, certificates.at(slot + n));
    }
  }

  private addUnit(rng: Random, owner: Party, certificateIndex: number): void {
    const { certificateNo, year } = certificateAt(certificateIndex, certificateIssuer(owner.region));
    const registered = Math.min(this.asOf - 30, toDay(`${year}-01-01`) + rng.int(0, 364));
    const use = owner.kind === 'PERSON' ? rng.pick(RESIDENTIAL_USES) : rng.pick(ENTERPRISE_USES);
    const [minArea, maxArea, price] = (
      {
        住宅: [55, 180, 6_000],
        商业: [20, 300, 9_000],
        办公: [40, 400, 7_000],
        工业: [800, 30_000, 1_200],
        仓储: [300, 8_000, 1_000],
      } as Record<string, [number, number, number]>
    )[use];
    const area = minArea + rng.next() * (maxArea - minArea);
    const unit: RealEstateUnitRow = {
      id: uuid(this.ids),
      certificateNo,
      unitCode: unitCode(rng, owner.region.code),
      ownerIdNumber: owner.idNumber,
      ownerName: owner.name,
      location: address(rng, owner.region),
      use,
      area: money(area),
      registeredOn: iso(registered),
      ...this.referenceValue(0.7, area * price, ['ONLINE_INQUIRY', 'APPRAISAL', 'TAX_ASSESSMENT']),
    };
    owner.units.push(unit);
    this.rows.property.units.push(unit);
    if (!rng.chance(owner.kind === 'PERSON' ? 0.35 : 0.45)) return;
    const mortgaged = this.dayBetween(rng, registered, Math.min(this.asOf - 7, registered + 60));
    const expires = mortgaged + (owner.kind === 'PERSON' ? rng.int(10, 30) : rng.int(1, 5)) * YEAR;
    const released = expires <= this.asOf ? expires - rng.int(0, 60) : rng.chance(0.15) ? this.dayBetween(rng, mortgaged + 30, this.asOf) : null;
    const amount = Math.round((area * price * (0.3 + 0.4 * rng.next())) / 1000) * 1000;
    this.addUnitEncumbrance({
      id: uuid(this.ids),
      unitId: unit.id,
      kind: 'MORTGAGE',
      holder: rng.pick(bankBranches(owner.region)),
      caseNo: null,
      amount: money(amount),
      registeredOn: iso(mortgaged),
      expiresOn: iso(expires),
      releasedOn: released === null ? null : iso(released),
    });
  }

  /** With probability `p`, a reference value near `estimate` (yuan), priced within the last two years. */
  private referenceValue(p: number, estimate: number, bases: ReferenceValueBasis[]): ReferenceValueColumns {
    if (!this.values.chance(p)) return { referenceValue: null, referenceValueOn: null, referenceValueBasis: null };
    const value = Math.round((estimate * (0.8 + 0.4 * this.values.next())) / 100) * 100;
    return {
      referenceValue: money(value),
      referenceValueOn: iso(this.asOf - this.values.int(0, 2 * YEAR)),
      referenceValueBasis: this.values.pick(bases),
    };
  }

  private addUnitEncumbrance(row: RealEstateEncumbranceRow): void {
    this.rows.property.encumbrances.push(row);
    const list = this.unitEncumbrances.get(row.unitId) ?? [];
    list.push(row);
    this.unitEncumbrances.set(row.unitId, list);
  }

  private addVehicleEncumbrance(row: VehicleEncumbranceRow): void {
    this.rows.vehicle.encumbrances.push(row);
    const list = this.vehicleEncumbrances.get(row.vehicleId) ?? [];
    list.push(row);
    this.vehicleEncumbrances.set(row.vehicleId, list);
  }

  private makeVehicles(): void {
    const rng = this.stream('vehicles');
    const plates = this.permutation(PLATE_SPACE, 'plates');
    for (const [k, p] of this.persons.entries()) {
      if (rng.chance(0.35)) this.addVehicle(rng, p, plates.at(this.bounds.personFrom + k));
    }
    for (const [k, e] of this.enterprises.entries()) {
      if (!rng.chance(0.4)) continue;
      const slot = this.spec.persons + 3 * (this.bounds.enterpriseFrom + k);
      for (let n = rng.int(1, 3) - 1; n >= 0; n--) this.addVehicle(rng, e, plates.at(slot + n));
    }
  }

  private addVehicle(rng: Random, owner: Party, plateIndex: number): void {
    const commercial = owner.kind === 'ENTERPRISE' && rng.chance(0.5);
    const choice = rng.pick(VEHICLE_MODELS.filter((m) => (m.commercial ?? false) === commercial));
    const registered = this.dayBetween(rng, toDay('2008-01-01'), this.asOf - 30);
    const scrapped = registered < toDay('2013-01-01') && rng.chance(0.35);
    const vehicle: VehicleRow = {
      id: uuid(this.ids),
      plate: plateAt(plateIndex),
      vin: vin(rng),
      make: choice.make,
      model: rng.pick(choice.models),
      ownerIdNumber: owner.idNumber,
      ownerName: owner.name,
      registeredOn: iso(registered),
      status: scrapped ? 'SCRAPPED' : 'NORMAL',
      ...this.referenceValue(scrapped ? 0 : 0.6, (commercial ? 250_000 : 160_000) * Math.pow(0.85, yearOf(this.asOf) - yearOf(registered)), [
        'ONLINE_INQUIRY',
        'APPRAISAL',
      ]),
    };
    owner.vehicles.push(vehicle);
    this.rows.vehicle.vehicles.push(vehicle);
    if (scrapped || !rng.chance(0.2)) return;
    const mortgaged = this.dayBetween(rng, registered, Math.min(this.asOf - 7, registered + 30));
    const released =
      mortgaged < this.asOf - 5 * YEAR || rng.chance(0.3) ? this.dayBetween(rng, mortgaged + 30, Math.min(this.asOf, mortgaged + 5 * YEAR)) : null;
    const holder = rng.chance(0.5) ? rng.pick(AUTO_FINANCE) : rng.pick(bankBranches(owner.region));
    this.addVehicleEncumbrance({
      id: uuid(this.ids),
      vehicleId: vehicle.id,
      kind: 'MORTGAGE',
      holder,
      caseNo: null,
      amount: money(rng.int(30, 200) * 1000),
      registeredOn: iso(mortgaged),
      releasedOn: released === null ? null : iso(released),
    });
  }

  private makeExecutionCases(): void {
    const rng = this.stream('execution cases');
    const troubled = this.enterprises.filter((e) => e.troubled);
    const personWeight = this.persons.length * 0.02;
    const enterpriseWeight = this.enterprises.length * 0.08;
    const total = Math.min(EXECUTION_SLOTS_PER_CHUNK, stochasticRound(rng, personWeight + enterpriseWeight));
    const clerks = clerksPerCourt(this.spec.persons);
    for (let k = 0; k < total; k++) {
      const respondents: Party[] = [];
      const add = (p: Party) => {
        if (!respondents.includes(p)) respondents.push(p);
      };
      if (this.enterprises.length > 0 && rng.chance(enterpriseWeight / (personWeight + enterpriseWeight))) {
        const e = troubled.length > 0 && rng.chance(0.6) ? rng.pick(troubled) : rng.pick(this.enterprises);
        add(e);
        if (rng.chance(0.4)) add(e.legalRep); // the representative often guaranteed the debt
        if (rng.chance(0.1)) add(rng.pick(this.persons));
      } else {
        add(rng.pick(this.persons));
        if (rng.chance(0.2)) add(rng.pick(this.persons));
        if (rng.chance(0.05)) add(rng.pick(this.persons));
      }
      const primary = respondents[0];
      const court = rng.chance(0.12) ? INTERMEDIATE_COURT : courtForRegion(primary.region.code);
      const active = rng.chance(0.75);
      const filed = active ? this.dayBetween(rng, this.asOf - 3 * YEAR, this.asOf - 7) : this.dayBetween(rng, toDay('2019-01-01'), this.asOf - 60);
      const closed = active ? null : Math.min(this.asOf - 1, filed + rng.int(30, 600));
      const amount = primary.kind === 'ENTERPRISE' ? logUniform(rng, 50_000, 20_000_000) : logUniform(rng, 5_000, 1_000_000);
      const seq = this.numbering.executionSeqBase + this.chunk * EXECUTION_SLOTS_PER_CHUNK + k;
      const row: ExecutionCaseRow = {
        id: uuid(this.ids),
        caseNo: `(${yearOf(filed)})${court.code}${rng.chance(0.9) ? '执' : '执恢'}${seq}号`,
        courtCode: court.code,
        status: active ? 'ACTIVE' : 'CLOSED',
        filedOn: iso(filed),
        amountDue: money(amount),
        closedAt: closed === null ? null : timestamp(closed),
      };
      this.cases.push({ row, court, filedDay: filed, closedDay: closed, respondents });
      this.rows.hub.executionCases.push(row);
      for (const p of respondents) {
        this.addSubject(p);
        this.rows.hub.respondents.push({ caseId: row.id, idNumber: p.idNumber });
      }
      const first = rng.int(1, clerks);
      this.rows.hub.clerkAssignments.push({ caseId: row.id, username: clerkUsername(court, first) });
      if (clerks > 1 && rng.chance(0.15)) {
        const second = ((first + rng.int(0, clerks - 2)) % clerks) + 1;
        this.rows.hub.clerkAssignments.push({ caseId: row.id, username: clerkUsername(court, second) });
      }
    }
  }

  private readonly subjectIds = new Set<string>();

  private addSubject(p: Party): void {
    if (this.subjectIds.has(p.idNumber)) return;
    this.subjectIds.add(p.idNumber);
    this.rows.hub.subjects.push({ id: uuid(this.ids), kind: p.kind, idNumber: p.idNumber, name: p.name });
  }

  /** Courts seize the respondents' property and vehicles; a closed case's seizures have been released. */
  private makeSeizures(): void {
    const rng = this.stream('seizures');
    const REAL_ESTATE_TERM = 3 * YEAR;
    for (const c of this.cases) {
      for (const party of c.respondents) {
        for (const unit of party.units) {
          if (c.closedDay === null) {
            if (!rng.chance(0.6)) continue;
            let registered = Math.min(this.asOf - 1, c.filedDay + rng.int(7, 120));
            // An expiring seizure is renewed (续封); only the current registration is kept.
            while (registered + REAL_ESTATE_TERM <= this.asOf) registered += REAL_ESTATE_TERM;
            this.addUnitEncumbrance({
              id: uuid(this.ids),
              unitId: unit.id,
              kind: 'SEIZURE',
              holder: c.court.name,
              caseNo: c.row.caseNo,
              amount: null,
              registeredOn: iso(registered),
              expiresOn: iso(registered + REAL_ESTATE_TERM),
              releasedOn: null,
            });
          } else if (rng.chance(0.3)) {
            const registered = c.filedDay + rng.int(7, Math.max(7, Math.min(60, c.closedDay - c.filedDay - 1)));
            this.addUnitEncumbrance({
              id: uuid(this.ids),
              unitId: unit.id,
              kind: 'SEIZURE',
              holder: c.court.name,
              caseNo: c.row.caseNo,
              amount: null,
              registeredOn: iso(registered),
              expiresOn: iso(registered + REAL_ESTATE_TERM),
              releasedOn: iso(c.closedDay),
            });
          }
        }
        for (const vehicle of party.vehicles) {
          if (vehicle.status === 'SCRAPPED' || !rng.chance(c.closedDay === null ? 0.5 : 0.3)) continue;
          const latest = c.closedDay === null ? this.asOf - 1 : c.closedDay - 1;
          this.addVehicleEncumbrance({
            id: uuid(this.ids),
            vehicleId: vehicle.id,
            kind: 'SEIZURE',
            holder: c.court.name,
            caseNo: c.row.caseNo,
            amount: null,
            registeredOn: iso(Math.min(latest, c.filedDay + rng.int(7, 90))),
            releasedOn: c.closedDay === null ? null : iso(c.closedDay),
          });
        }
      }
    }
  }

  private settleVehicleStatuses(): void {
    for (const v of this.rows.vehicle.vehicles) {
      if (v.status === 'SCRAPPED') continue;
      const active = (this.vehicleEncumbrances.get(v.id) ?? []).filter((e) => e.releasedOn === null);
      v.status = active.some((e) => e.kind === 'SEIZURE') ? 'SEIZED' : active.some((e) => e.kind === 'MORTGAGE') ? 'MORTGAGED' : 'NORMAL';
    }
  }

  private makeCredit(): void {
    const rng = this.stream('credit');
    const credit = this.rows.credit;
    for (const c of this.cases) {
      const active = c.closedDay === null;
      for (const p of c.respondents) {
        if (rng.chance(active ? 0.35 : 0.2)) {
          const listed = Math.min(this.asOf - 1, c.filedDay + rng.int(30, 365));
          credit.dishonestDebtors.push({
            id: uuid(this.ids),
            subjectIdNumber: p.idNumber,
            subjectName: p.name,
            court: c.court.name,
            caseNo: c.row.caseNo,
            obligation: `${rng.pick(OBLIGATIONS)}共计${c.row.amountDue}元及迟延履行期间的债务利息`,
            circumstance: rng.pick(DISHONEST_CIRCUMSTANCES),
            listedOn: iso(active ? listed : Math.min(listed, c.closedDay! - 1)),
            removedOn: active ? null : iso(c.closedDay!),
          });
        }
        if (rng.chance(active ? 0.65 : 0.4)) {
          const issued = Math.min(this.asOf - 1, c.filedDay + rng.int(7, 90));
          credit.consumptionRestrictions.push({
            id: uuid(this.ids),
            subjectIdNumber: p.idNumber,
            court: c.court.name,
            caseNo: c.row.caseNo,
            issuedOn: iso(active ? issued : Math.min(issued, c.closedDay! - 1)),
            liftedOn: active ? null : iso(c.closedDay!),
          });
        }
      }
    }
    for (const e of this.enterprises) {
      if (!rng.chance(e.troubled ? 0.12 : 0.05)) continue;
      for (let n = rng.int(1, 2); n > 0; n--) {
        const what = rng.pick(PENALTY_REASONS);
        const decided = this.dayBetween(rng, Math.max(e.registeredDay + 30, toDay('2021-01-01')), this.asOf - 1);
        const authority =
          what.office === '税务局'
            ? taxAuthority(e.region)
            : what.office === '生态环境分局'
              ? `${e.region.city}${e.region.county}${what.office}`
              : `${countyFullName(e.region)}${what.office}`;
        credit.penalties.push({
          id: uuid(this.ids),
          subjectIdNumber: e.idNumber,
          authority,
          decisionNo: `${shortName(e.region)}${what.abbreviation}〔${yearOf(decided)}〕${rng.int(1, 600)}号`,
          reason: what.reason,
          fine: rng.chance(0.9) ? money(rng.int(1, 200) * 1000) : null,
          decidedOn: iso(decided),
        });
      }
    }
  }

  private makeBankruptcies(): void {
    const rng = this.stream('bankruptcy');
    const total = Math.min(BANKRUPTCY_SLOTS_PER_CHUNK, stochasticRound(rng, this.enterprises.length * 0.02));
    const troubled = this.enterprises.filter((e) => e.troubled);
    const chosen = new Set<Enterprise>();
    while (chosen.size < total) {
      const pool = troubled.length > chosen.size && rng.chance(0.7) ? troubled : this.enterprises;
      chosen.add(rng.pick(pool));
    }
    let k = 0;
    for (const e of chosen) {
      const court = rng.chance(0.6) ? INTERMEDIATE_COURT : courtForRegion(e.region.code);
      const accepted = this.dayBetween(rng, Math.max(e.registeredDay + YEAR, toDay('2021-01-01')), this.asOf - 14);
      const r = rng.next();
      const status: BankruptcyCaseStatus =
        accepted > this.asOf - 180 ? 'ACCEPTED' : r < 0.35 ? 'REORGANISATION' : r < 0.75 ? 'LIQUIDATION' : 'CLOSED';
      const closed = status === 'CLOSED' ? this.dayBetween(rng, accepted + 180, this.asOf - 1) : null;
      const seq = this.numbering.bankruptcySeqBase + this.chunk * BANKRUPTCY_SLOTS_PER_CHUNK + k++;
      const caseNo = `(${yearOf(accepted)})${court.code}破${seq}号`;
      const bankruptcy: BankruptcyCaseRow = {
        id: uuid(this.ids),
        caseNo,
        courtCode: court.code,
        debtorIdNumber: e.idNumber,
        // A few cases lack the ruling on record, so administrators cannot read them yet.
        acceptanceRulingNo: rng.chance(0.95) ? `${caseNo}之一` : null,
        status,
        acceptedOn: iso(accepted),
        closedAt: closed === null ? null : timestamp(closed),
      };
      this.addSubject(e);
      this.rows.hub.bankruptcyCases.push(bankruptcy);
      this.appoint(rng, bankruptcy, accepted, closed);
      if (status === 'REORGANISATION' && rng.chance(0.6)) {
        // Plan approved: the enterprise's credit is repaired (seed 000 item 22).
        const approved = this.dayBetween(rng, accepted + 150, this.asOf - 1);
        for (const authority of CREDIT_REPAIR_AUTHORITIES.filter(() => rng.chance(0.6))) {
          this.rows.credit.creditRepairs.push({
            id: uuid(this.ids),
            subjectIdNumber: e.idNumber,
            basisCaseNo: caseNo,
            authority,
            description: `${e.name}重整计划经${court.name}裁定批准，依法修复相关失信记录`,
            repairedOn: iso(this.dayBetween(rng, approved, Math.min(this.asOf, approved + 90))),
          });
        }
      }
    }
  }

  /** The firm appointed by decision; some earlier appointments were replaced, some have lapsed. */
  private appoint(rng: Random, bankruptcy: BankruptcyCaseRow, accepted: number, closed: number | null): void {
    const firms = ADMINISTRATOR_FIRMS;
    let firm = rng.int(0, firms.length - 1);
    let from = accepted + rng.int(0, 10);
    let suffix = 2;
    const decision = () => (rng.chance(0.95) ? `${bankruptcy.caseNo}之${'零一二三四五'[suffix++]}` : null);
    if (rng.chance(0.08)) {
      const replaced = this.dayBetween(rng, from + 30, closed ?? this.asOf - 1);
      this.rows.hub.appointments.push({
        id: uuid(this.ids),
        caseId: bankruptcy.id,
        firmCode: firms[firm].code,
        decisionNo: decision(),
        validFrom: iso(from),
        validTo: iso(replaced),
        endedAt: timestamp(replaced),
      });
      firm = (firm + rng.int(1, firms.length - 1)) % firms.length;
      from = replaced;
    }
    const validTo = closed ?? (rng.chance(0.15) ? null : from + rng.int(1, 3) * YEAR);
    this.rows.hub.appointments.push({
      id: uuid(this.ids),
      caseId: bankruptcy.id,
      firmCode: firms[firm].code,
      decisionNo: decision(),
      validFrom: iso(from),
      validTo: validTo === null ? null : iso(validTo),
      endedAt: closed === null ? null : timestamp(closed),
    });
  }
}

function personalIncomeTax(taxable: number): number {
  if (taxable <= 36_000) return taxable * 0.03;
  if (taxable <= 144_000) return taxable * 0.1 - 2_520;
  if (taxable <= 300_000) return taxable * 0.2 - 16_920;
  if (taxable <= 420_000) return taxable * 0.25 - 31_920;
  return taxable * 0.3 - 52_920;
}
