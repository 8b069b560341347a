// Pure generation of synthetic rows for the hub and every source database, one chunk at a time, without I/O.
//
// A dataset is identified by (seed, persons, enterprises, asOf). Persons are split into chunks of
// PERSONS_PER_CHUNK; enterprises are spread evenly over the chunks. Everything that refers to
// something else (employers, legal representatives, case respondents, seizures) stays inside its
// chunk, so a chunk is complete and consistent on its own and memory stays bounded. Identifiers
// come from keyed permutations of global slot indices (see unique-codes.ts), so they never collide
// across chunks; every other value comes from RNG streams keyed by the dataset and chunk index.
//
// This file makes the parties, the courts' execution cases and the bankruptcies; each source's rows come from the
// generator in its folder (its registry entry's `generate`, see synthetic-chunk.ts): woven generators start before
// the cases and take part in them (seizures, listings), the others run once the cases are settled.

import { enterpriseName, personName } from './chinese';
import { Random } from './random';
import { SOURCES } from '../sources/registry';
import { ADMINISTRATOR_FIRMS, COURTS, INTERMEDIATE_COURT, courtForRegion, type Court } from './synthetic-catalogue';
import {
  dayBetween,
  drawReferenceValue,
  iso,
  logUniform,
  money,
  stochasticRound,
  timestamp,
  toDay,
  uuid,
  wovenOrder,
  yearOf,
  YEAR,
  type SyntheticCase,
  type SyntheticChunk,
  type SyntheticEnterprise,
  type SyntheticParty,
  type SyntheticPerson,
  type SyntheticGenerate,
  type SyntheticRowsOf,
  type WovenChunk,
  type WovenSource,
} from './synthetic-chunk';
import { IndexPermutation, PLATE_SPACE, RESIDENT_ID_SPACE, USCC_SPACE, residentIdAt, usccAt } from './unique-codes';
import type { ExecutionCaseStatus } from '../entities/hub/execution-case.entity';
import type { BankruptcyCaseStatus } from '../entities/hub/bankruptcy-case.entity';

export type { SyntheticChunk } from './synthetic-chunk';

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
/** Who the chunk's records are about; not a table, but what tests and benchmarks pick subjects from. */
export interface PartyRow {
  idNumber: string;
  name: string;
  regionCode: string;
}

type Source = (typeof SOURCES)[number];

/** The rows of one chunk: its parties, the hub's and each source's (keyed by source name, as its generator gives them). */
export type ChunkRows = {
  parties: { persons: PartyRow[]; enterprises: PartyRow[] };
  hub: {
    subjects: SubjectRow[];
    executionCases: ExecutionCaseRow[];
    respondents: RespondentRow[];
    clerkAssignments: ClerkAssignmentRow[];
    bankruptcyCases: BankruptcyCaseRow[];
    appointments: AppointmentRow[];
  };
} & { [S in Source as S['name']]: SyntheticRowsOf<S['generate']> };

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

// ---- the chunk ----

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
  /** The id stream of the hub's rows and of the woven generators, drawn in the order they run. */
  private readonly ids: Random;
  /** Reference values have a stream of their own, so adding them left every other value as it was. */
  private readonly values: Random;
  private readonly persons: SyntheticPerson[] = [];
  private readonly enterprises: SyntheticEnterprise[] = [];
  private readonly cases: SyntheticCase[] = [];
  private readonly hub: ChunkRows['hub'] = {
    subjects: [],
    executionCases: [],
    respondents: [],
    clerkAssignments: [],
    bankruptcyCases: [],
    appointments: [],
  };
  private woven: WovenSource<object>[] = [];

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
    const sourceRows = new Map<string, object>();
    this.makePersons();
    this.makeEnterprises();
    const woven = wovenOrder<{ name: string; generate?: Source['generate'] }>(SOURCES);
    this.woven = woven.map((source) => source.generate.start(this.wovenChunk()));
    woven.forEach((source, i) => sourceRows.set(source.name, this.woven[i].rows));
    this.makeExecutionCases();
    const seizures = this.stream('seizures');
    for (const c of this.cases) {
      for (const party of c.respondents) for (const source of this.woven) source.seize?.(c, party, seizures);
    }
    for (const source of this.woven) source.afterCases?.(this.cases);
    this.makeBankruptcies();
    for (const source of SOURCES) {
      const generate = source.generate as SyntheticGenerate | undefined;
      if (typeof generate === 'function') sourceRows.set(source.name, generate(this.syntheticChunk(source.name)));
    }
    const party = (p: SyntheticParty): PartyRow => ({ idNumber: p.idNumber, name: p.name, regionCode: p.region.code });
    const rows: Record<string, unknown> = {
      parties: { persons: this.persons.map(party), enterprises: this.enterprises.map(party) },
      hub: this.hub,
    };
    // In registry order, whichever order the generators ran in.
    for (const source of SOURCES) if (sourceRows.has(source.name)) rows[source.name] = sourceRows.get(source.name);
    return rows as ChunkRows;
  }

  private uuid(): string {
    return uuid(this.ids);
  }

  private wovenChunk(): WovenChunk {
    return {
      asOf: this.asOf,
      layout: { persons: this.spec.persons, personFrom: this.bounds.personFrom, enterpriseFrom: this.bounds.enterpriseFrom },
      persons: this.persons,
      enterprises: this.enterprises,
      stream: (concern) => this.stream(concern),
      permutation: (space, concern) => this.permutation(space, concern),
      uuid: () => this.uuid(),
      referenceValue: (p, estimate, bases) => drawReferenceValue(this.values, this.asOf, p, estimate, bases),
    };
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
        caseNo: c.caseNo,
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
        registeredDay: dayBetween(rng, toDay('2000-01-01'), this.asOf - 180),
        legalRep: rng.pick(reps),
        exporter: rng.chance(0.1),
        employees: 0,
        averageBase: logUniform(rng, 4_500, 12_000),
        troubled: false,
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

  private makeExecutionCases(): void {
    const rng = this.stream('execution cases');
    const troubled = this.enterprises.filter((e) => e.troubled);
    const personWeight = this.persons.length * 0.02;
    const enterpriseWeight = this.enterprises.length * 0.08;
    const total = Math.min(EXECUTION_SLOTS_PER_CHUNK, stochasticRound(rng, personWeight + enterpriseWeight));
    const clerks = clerksPerCourt(this.spec.persons);
    for (let k = 0; k < total; k++) {
      const respondents: SyntheticParty[] = [];
      const add = (p: SyntheticParty) => {
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
      const filed = active ? dayBetween(rng, this.asOf - 3 * YEAR, this.asOf - 7) : dayBetween(rng, toDay('2019-01-01'), this.asOf - 60);
      const closed = active ? null : Math.min(this.asOf - 1, filed + rng.int(30, 600));
      const amount = primary.kind === 'ENTERPRISE' ? logUniform(rng, 50_000, 20_000_000) : logUniform(rng, 5_000, 1_000_000);
      const seq = this.numbering.executionSeqBase + this.chunk * EXECUTION_SLOTS_PER_CHUNK + k;
      const row: ExecutionCaseRow = {
        id: this.uuid(),
        caseNo: `(${yearOf(filed)})${court.code}${rng.chance(0.9) ? '执' : '执恢'}${seq}号`,
        courtCode: court.code,
        status: active ? 'ACTIVE' : 'CLOSED',
        filedOn: iso(filed),
        amountDue: money(amount),
        closedAt: closed === null ? null : timestamp(closed),
      };
      this.cases.push({ caseNo: row.caseNo, amountDue: row.amountDue, court, filedDay: filed, closedDay: closed, respondents });
      this.hub.executionCases.push(row);
      for (const p of respondents) {
        this.addSubject(p);
        this.hub.respondents.push({ caseId: row.id, idNumber: p.idNumber });
      }
      const first = rng.int(1, clerks);
      this.hub.clerkAssignments.push({ caseId: row.id, username: clerkUsername(court, first) });
      if (clerks > 1 && rng.chance(0.15)) {
        const second = ((first + rng.int(0, clerks - 2)) % clerks) + 1;
        this.hub.clerkAssignments.push({ caseId: row.id, username: clerkUsername(court, second) });
      }
    }
  }

  private readonly subjectIds = new Set<string>();

  private addSubject(p: SyntheticParty): void {
    if (this.subjectIds.has(p.idNumber)) return;
    this.subjectIds.add(p.idNumber);
    this.hub.subjects.push({ id: this.uuid(), kind: p.kind, idNumber: p.idNumber, name: p.name });
  }

  private makeBankruptcies(): void {
    const rng = this.stream('bankruptcy');
    const total = Math.min(BANKRUPTCY_SLOTS_PER_CHUNK, stochasticRound(rng, this.enterprises.length * 0.02));
    const troubled = this.enterprises.filter((e) => e.troubled);
    const chosen = new Set<SyntheticEnterprise>();
    while (chosen.size < total) {
      const pool = troubled.length > chosen.size && rng.chance(0.7) ? troubled : this.enterprises;
      chosen.add(rng.pick(pool));
    }
    let k = 0;
    for (const e of chosen) {
      const court = rng.chance(0.6) ? INTERMEDIATE_COURT : courtForRegion(e.region.code);
      const accepted = dayBetween(rng, Math.max(e.registeredDay + YEAR, toDay('2021-01-01')), this.asOf - 14);
      const r = rng.next();
      const status: BankruptcyCaseStatus =
        accepted > this.asOf - 180 ? 'ACCEPTED' : r < 0.35 ? 'REORGANISATION' : r < 0.75 ? 'LIQUIDATION' : 'CLOSED';
      const closed = status === 'CLOSED' ? dayBetween(rng, accepted + 180, this.asOf - 1) : null;
      const seq = this.numbering.bankruptcySeqBase + this.chunk * BANKRUPTCY_SLOTS_PER_CHUNK + k++;
      const caseNo = `(${yearOf(accepted)})${court.code}破${seq}号`;
      const bankruptcy: BankruptcyCaseRow = {
        id: this.uuid(),
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
      this.hub.bankruptcyCases.push(bankruptcy);
      this.appoint(rng, bankruptcy, accepted, closed);
      for (const source of this.woven) source.bankruptcy?.({ caseNo, court, debtor: e, status, acceptedDay: accepted }, rng);
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
      const replaced = dayBetween(rng, from + 30, closed ?? this.asOf - 1);
      this.hub.appointments.push({
        id: this.uuid(),
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
    this.hub.appointments.push({
      id: this.uuid(),
      caseId: bankruptcy.id,
      firmCode: firms[firm].code,
      decisionNo: decision(),
      validFrom: iso(from),
      validTo: validTo === null ? null : iso(validTo),
      endedAt: closed === null ? null : timestamp(closed),
    });
  }
}
