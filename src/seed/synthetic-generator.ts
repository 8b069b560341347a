// Writes a synthetic dataset (see synthetic-rows.ts) into the hub and the five source databases,
// one chunk at a time: batched INSERT … SELECT FROM unnest(arrays), one transaction per database
// per chunk, the six databases written in parallel. Additive: rows whose unique key already exists
// are skipped, and dependants of skipped rows are skipped with them (joins on the parent).

import { Client } from 'pg';
import type { DatabaseKey } from '../config';
import {
  BANKRUPTCY_SEQ_BASE, EXECUTION_SEQ_BASE, chunkBounds, chunkCount, datasetProblem, generateChunk, numberingProblem, staffRows,
  type CaseNumbering, type ChunkRows, type DatasetSpec, type StaffRows,
} from './synthetic-rows';

export interface GenerationOptions {
  persons: number;
  enterprises: number;
  seed: number | string;
  /** YYYY-MM-DD the data describes; defaults to a fixed date so a seed always yields the same data. */
  asOf?: string;
  onProgress?: (done: number, total: number, phase: string) => void;
}

export interface GenerationSummary {
  seed: number | string;
  persons: number;
  enterprises: number;
  chunks: number;
  /** First case-number sequences used (above any generated cases already present). */
  numbering: CaseNumbering;
  /** Rows actually inserted per table ("database.table"), not counting skipped duplicates. */
  inserted: Record<string, number>;
  elapsedMs: number;
}

const BATCH_ROWS = 2_500;

type Column<R> = readonly [name: string, type: string, value: (row: R) => unknown];

/** Inserts rows in batches through `unnest`; `sql` receives the FROM source and returns the statement. */
async function insertBatches<R>(
  client: Client,
  rows: readonly R[],
  columns: readonly Column<R>[],
  sql: (source: string) => string,
): Promise<number> {
  const source =
    `unnest(${columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')}) AS u(${columns.map(([n]) => `"${n}"`).join(', ')})`;
  const text = sql(source);
  let inserted = 0;
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS);
    const result = await client.query(text, columns.map(([, , value]) => batch.map(value)));
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}

/** Plain insert of every column, skipping rows that clash with any unique key. */
function insertInto<R>(client: Client, table: string, rows: readonly R[], columns: readonly Column<R>[], casts: Record<string, string> = {}) {
  const names = columns.map(([n]) => `"${n}"`).join(', ');
  const select = columns.map(([n]) => (casts[n] ? `u."${n}"::${casts[n]}` : `u."${n}"`)).join(', ');
  return insertBatches(client, rows, columns, (source) => `INSERT INTO "${table}" (${names}) SELECT ${select} FROM ${source} ON CONFLICT DO NOTHING`);
}

const TABLES = [
  'hub.organisation', 'hub.hub_user', 'hub.subject', 'hub.execution_case', 'hub.execution_case_respondent',
  'hub.execution_case_clerk', 'hub.bankruptcy_case', 'hub.administrator_appointment',
  'property.real_estate_unit', 'property.real_estate_encumbrance', 'vehicle.vehicle', 'vehicle.vehicle_encumbrance',
  'tax.taxpayer', 'tax.tax_filing', 'tax.tax_arrear', 'tax.tax_refund',
  'socialSecurity.insured_employer', 'socialSecurity.insured_person',
  'credit.dishonest_debtor_entry', 'credit.consumption_restriction', 'credit.administrative_penalty', 'credit.credit_repair',
];

class Counter {
  readonly counts: Record<string, number> = Object.fromEntries(TABLES.map((t) => [t, 0]));
  add(table: string, n: number): void {
    this.counts[table] = (this.counts[table] ?? 0) + n;
  }
}

async function inTransaction(client: Client, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await work();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** Sequence numbers above any generated cases the hub already holds, so a second dataset gets fresh case numbers. */
async function nextNumbering(hub: Client): Promise<CaseNumbering> {
  const { rows } = await hub.query<{ execution: number; bankruptcy: number }>(`
    SELECT
      (SELECT coalesce(max(substring(case_no from '执[恢保]?([0-9]{1,6})号$')::int), 0) FROM execution_case) AS execution,
      (SELECT coalesce(max(substring(case_no from '破申?([0-9]{1,6})号$')::int), 0) FROM bankruptcy_case) AS bankruptcy`);
  return {
    executionSeqBase: Math.max(EXECUTION_SEQ_BASE, rows[0].execution + 1),
    bankruptcySeqBase: Math.max(BANKRUPTCY_SEQ_BASE, rows[0].bankruptcy + 1),
  };
}

interface StaffIds {
  organisations: Map<string, string>;
  users: Map<string, string>;
}

/** Creates the courts, firms and their users if missing and returns their ids, reusing existing ones by code/username. */
async function writeStaff(hub: Client, staff: StaffRows, counter: Counter): Promise<StaffIds> {
  counter.add('hub.organisation', await insertInto(hub, 'organisation', staff.organisations, [
    ['code', 'text', (r) => r.code], ['name', 'text', (r) => r.name], ['kind', 'text', (r) => r.kind],
  ]));
  const orgs = await hub.query<{ id: string; code: string; kind: string }>(
    'SELECT id, code, kind FROM organisation WHERE code = ANY($1::text[])', [staff.organisations.map((o) => o.code)]);
  const organisations = new Map<string, string>();
  for (const o of staff.organisations) {
    const found = orgs.rows.find((r) => r.code === o.code)!;
    if (found.kind !== o.kind) throw new Error(`organisation ${o.code} already exists as ${found.kind}, not ${o.kind}`);
    organisations.set(o.code, found.id);
  }
  counter.add('hub.hub_user', await insertInto(hub, 'hub_user', staff.users, [
    ['username', 'text', (r) => r.username], ['display_name', 'text', (r) => r.displayName], ['role', 'text', (r) => r.role],
    ['organisation_id', 'uuid', (r) => organisations.get(r.organisationCode)],
  ]));
  const existing = await hub.query<{ id: string; username: string; role: string; organisation_id: string }>(
    'SELECT id, username, role, organisation_id FROM hub_user WHERE username = ANY($1::text[])', [staff.users.map((u) => u.username)]);
  const users = new Map<string, string>();
  for (const u of staff.users) {
    const found = existing.rows.find((r) => r.username === u.username);
    // A same-named user of another role or organisation is left alone and gets no cases.
    if (found && found.role === u.role && found.organisation_id === organisations.get(u.organisationCode)) {
      users.set(u.username, found.id);
    }
  }
  return { organisations, users };
}

async function writeHub(hub: Client, rows: ChunkRows['hub'], staff: StaffIds, counter: Counter): Promise<void> {
  const orgId = (code: string) => staff.organisations.get(code);
  await inTransaction(hub, async () => {
    counter.add('hub.subject', await insertInto(hub, 'subject', rows.subjects, [
      ['id', 'uuid', (r) => r.id], ['kind', 'text', (r) => r.kind], ['id_number', 'text', (r) => r.idNumber],
      ['name', 'text', (r) => r.name],
    ]));
    counter.add('hub.execution_case', await insertInto(hub, 'execution_case', rows.executionCases, [
      ['id', 'uuid', (r) => r.id], ['case_no', 'text', (r) => r.caseNo], ['court_id', 'uuid', (r) => orgId(r.courtCode)],
      ['status', 'text', (r) => r.status], ['filed_on', 'date', (r) => r.filedOn], ['amount_due', 'numeric', (r) => r.amountDue],
      ['closed_at', 'timestamptz', (r) => r.closedAt],
    ]));
    // Joins resolve subjects by ID number (they may predate this run) and drop rows whose case was skipped.
    counter.add('hub.execution_case_respondent', await insertBatches(hub, rows.respondents, [
      ['case_id', 'uuid', (r) => r.caseId], ['id_number', 'text', (r) => r.idNumber],
    ], (source) => `INSERT INTO execution_case_respondent (case_id, subject_id)
      SELECT u.case_id, s.id FROM ${source} JOIN subject s ON s.id_number = u.id_number JOIN execution_case c ON c.id = u.case_id
      ON CONFLICT DO NOTHING`));
    const assignments = rows.clerkAssignments.filter((a) => staff.users.has(a.username));
    counter.add('hub.execution_case_clerk', await insertBatches(hub, assignments, [
      ['case_id', 'uuid', (r) => r.caseId], ['user_id', 'uuid', (r) => staff.users.get(r.username)],
    ], (source) => `INSERT INTO execution_case_clerk (case_id, user_id)
      SELECT u.case_id, u.user_id FROM ${source} JOIN execution_case c ON c.id = u.case_id ON CONFLICT DO NOTHING`));
    counter.add('hub.bankruptcy_case', await insertBatches(hub, rows.bankruptcyCases, [
      ['id', 'uuid', (r) => r.id], ['case_no', 'text', (r) => r.caseNo], ['court_id', 'uuid', (r) => orgId(r.courtCode)],
      ['debtor_id_number', 'text', (r) => r.debtorIdNumber], ['acceptance_ruling_no', 'text', (r) => r.acceptanceRulingNo],
      ['status', 'text', (r) => r.status], ['accepted_on', 'date', (r) => r.acceptedOn], ['closed_at', 'timestamptz', (r) => r.closedAt],
    ], (source) => `INSERT INTO bankruptcy_case (id, case_no, court_id, debtor_id, acceptance_ruling_no, status, accepted_on, closed_at)
      SELECT u.id, u.case_no, u.court_id, s.id, u.acceptance_ruling_no, u.status, u.accepted_on, u.closed_at
      FROM ${source} JOIN subject s ON s.id_number = u.debtor_id_number ON CONFLICT DO NOTHING`));
    counter.add('hub.administrator_appointment', await insertBatches(hub, rows.appointments, [
      ['id', 'uuid', (r) => r.id], ['case_id', 'uuid', (r) => r.caseId], ['firm_id', 'uuid', (r) => orgId(r.firmCode)],
      ['decision_no', 'text', (r) => r.decisionNo], ['valid_from', 'date', (r) => r.validFrom], ['valid_to', 'date', (r) => r.validTo],
      ['ended_at', 'timestamptz', (r) => r.endedAt],
    ], (source) => `INSERT INTO administrator_appointment (id, case_id, firm_id, decision_no, valid_from, valid_to, ended_at)
      SELECT u.id, u.case_id, u.firm_id, u.decision_no, u.valid_from, u.valid_to, u.ended_at
      FROM ${source} JOIN bankruptcy_case b ON b.id = u.case_id ON CONFLICT DO NOTHING`));
  });
}

async function writeProperty(db: Client, rows: ChunkRows['property'], counter: Counter): Promise<void> {
  await inTransaction(db, async () => {
    counter.add('property.real_estate_unit', await insertInto(db, 'real_estate_unit', rows.units, [
      ['id', 'uuid', (r) => r.id], ['certificate_no', 'text', (r) => r.certificateNo], ['unit_code', 'text', (r) => r.unitCode],
      ['owner_id_number', 'text', (r) => r.ownerIdNumber], ['owner_name', 'text', (r) => r.ownerName],
      ['location', 'text', (r) => r.location], ['use', 'text', (r) => r.use], ['area', 'numeric', (r) => r.area],
      ['registered_on', 'date', (r) => r.registeredOn],
    ]));
    counter.add('property.real_estate_encumbrance', await insertBatches(db, rows.encumbrances, [
      ['id', 'uuid', (r) => r.id], ['unit_id', 'uuid', (r) => r.unitId], ['kind', 'text', (r) => r.kind],
      ['holder', 'text', (r) => r.holder], ['case_no', 'text', (r) => r.caseNo], ['amount', 'numeric', (r) => r.amount],
      ['registered_on', 'date', (r) => r.registeredOn], ['expires_on', 'date', (r) => r.expiresOn],
      ['released_on', 'date', (r) => r.releasedOn],
    ], (source) => `INSERT INTO real_estate_encumbrance (id, unit_id, kind, holder, case_no, amount, registered_on, expires_on, released_on)
      SELECT u.id, u.unit_id, u.kind, u.holder, u.case_no, u.amount, u.registered_on, u.expires_on, u.released_on
      FROM ${source} JOIN real_estate_unit x ON x.id = u.unit_id ON CONFLICT DO NOTHING`));
  });
}

async function writeVehicle(db: Client, rows: ChunkRows['vehicle'], counter: Counter): Promise<void> {
  await inTransaction(db, async () => {
    counter.add('vehicle.vehicle', await insertInto(db, 'vehicle', rows.vehicles, [
      ['id', 'uuid', (r) => r.id], ['plate', 'text', (r) => r.plate], ['vin', 'text', (r) => r.vin], ['make', 'text', (r) => r.make],
      ['model', 'text', (r) => r.model], ['owner_id_number', 'text', (r) => r.ownerIdNumber], ['owner_name', 'text', (r) => r.ownerName],
      ['registered_on', 'date', (r) => r.registeredOn], ['status', 'text', (r) => r.status],
    ]));
    counter.add('vehicle.vehicle_encumbrance', await insertBatches(db, rows.encumbrances, [
      ['id', 'uuid', (r) => r.id], ['vehicle_id', 'uuid', (r) => r.vehicleId], ['kind', 'text', (r) => r.kind],
      ['holder', 'text', (r) => r.holder], ['case_no', 'text', (r) => r.caseNo], ['amount', 'numeric', (r) => r.amount],
      ['registered_on', 'date', (r) => r.registeredOn], ['released_on', 'date', (r) => r.releasedOn],
    ], (source) => `INSERT INTO vehicle_encumbrance (id, vehicle_id, kind, holder, case_no, amount, registered_on, released_on)
      SELECT u.id, u.vehicle_id, u.kind, u.holder, u.case_no, u.amount, u.registered_on, u.released_on
      FROM ${source} JOIN vehicle x ON x.id = u.vehicle_id ON CONFLICT DO NOTHING`));
  });
}

async function writeTax(db: Client, rows: ChunkRows['tax'], counter: Counter): Promise<void> {
  await inTransaction(db, async () => {
    counter.add('tax.taxpayer', await insertInto(db, 'taxpayer', rows.taxpayers, [
      ['id_number', 'text', (r) => r.idNumber], ['name', 'text', (r) => r.name], ['kind', 'text', (r) => r.kind],
      ['tax_authority', 'text', (r) => r.taxAuthority], ['credit_grade', 'text', (r) => r.creditGrade],
      ['legal_representative_name', 'text', (r) => r.legalRepresentativeName],
      ['legal_representative_id_number', 'text', (r) => r.legalRepresentativeIdNumber],
      ['registered_on', 'date', (r) => r.registeredOn],
    ]));
    counter.add('tax.tax_filing', await insertInto(db, 'tax_filing', rows.filings, [
      ['id', 'uuid', (r) => r.id], ['taxpayer_id_number', 'text', (r) => r.taxpayerIdNumber], ['period', 'text', (r) => r.period],
      ['tax_type', 'text', (r) => r.taxType], ['taxable_amount', 'numeric', (r) => r.taxableAmount],
      ['tax_paid', 'numeric', (r) => r.taxPaid], ['filed_on', 'date', (r) => r.filedOn],
    ]));
    counter.add('tax.tax_arrear', await insertInto(db, 'tax_arrear', rows.arrears, [
      ['id', 'uuid', (r) => r.id], ['taxpayer_id_number', 'text', (r) => r.taxpayerIdNumber], ['tax_type', 'text', (r) => r.taxType],
      ['period', 'text', (r) => r.period], ['amount', 'numeric', (r) => r.amount], ['late_fee', 'numeric', (r) => r.lateFee],
      ['since', 'date', (r) => r.since],
    ]));
    counter.add('tax.tax_refund', await insertInto(db, 'tax_refund', rows.refunds, [
      ['id', 'uuid', (r) => r.id], ['taxpayer_id_number', 'text', (r) => r.taxpayerIdNumber], ['kind', 'text', (r) => r.kind],
      ['amount', 'numeric', (r) => r.amount], ['status', 'text', (r) => r.status], ['applied_on', 'date', (r) => r.appliedOn],
    ]));
  });
}

async function writeSocialSecurity(db: Client, rows: ChunkRows['socialSecurity'], counter: Counter): Promise<void> {
  await inTransaction(db, async () => {
    counter.add('socialSecurity.insured_employer', await insertInto(db, 'insured_employer', rows.employers, [
      ['id_number', 'text', (r) => r.idNumber], ['name', 'text', (r) => r.name],
      ['insured_employee_count', 'int', (r) => r.insuredEmployeeCount], ['arrears_amount', 'numeric', (r) => r.arrearsAmount],
      ['arrears_since', 'date', (r) => r.arrearsSince], ['registered_on', 'date', (r) => r.registeredOn],
    ]));
    // unnest flattens multi-dimensional arrays, so each person's insurance types travel as one array literal.
    counter.add('socialSecurity.insured_person', await insertInto(db, 'insured_person', rows.persons, [
      ['id_number', 'text', (r) => r.idNumber], ['name', 'text', (r) => r.name], ['phone', 'text', (r) => r.phone],
      ['address', 'text', (r) => r.address], ['insured_status', 'text', (r) => r.insuredStatus],
      ['employer_id_number', 'text', (r) => r.employerIdNumber], ['employer_name', 'text', (r) => r.employerName],
      ['contribution_base', 'numeric', (r) => r.contributionBase], ['insurance_types', 'text', (r) => `{${r.insuranceTypes.join(',')}}`],
      ['medical_plan', 'text', (r) => r.medicalPlan], ['medical_account_balance', 'numeric', (r) => r.medicalAccountBalance],
      ['designated_hospital', 'text', (r) => r.designatedHospital],
    ], { insurance_types: 'text[]' }));
  });
}

async function writeCredit(db: Client, rows: ChunkRows['credit'], counter: Counter): Promise<void> {
  await inTransaction(db, async () => {
    counter.add('credit.dishonest_debtor_entry', await insertInto(db, 'dishonest_debtor_entry', rows.dishonestDebtors, [
      ['id', 'uuid', (r) => r.id], ['subject_id_number', 'text', (r) => r.subjectIdNumber], ['subject_name', 'text', (r) => r.subjectName],
      ['court', 'text', (r) => r.court], ['case_no', 'text', (r) => r.caseNo], ['obligation', 'text', (r) => r.obligation],
      ['circumstance', 'text', (r) => r.circumstance], ['listed_on', 'date', (r) => r.listedOn], ['removed_on', 'date', (r) => r.removedOn],
    ]));
    counter.add('credit.consumption_restriction', await insertInto(db, 'consumption_restriction', rows.consumptionRestrictions, [
      ['id', 'uuid', (r) => r.id], ['subject_id_number', 'text', (r) => r.subjectIdNumber], ['court', 'text', (r) => r.court],
      ['case_no', 'text', (r) => r.caseNo], ['issued_on', 'date', (r) => r.issuedOn], ['lifted_on', 'date', (r) => r.liftedOn],
    ]));
    counter.add('credit.administrative_penalty', await insertInto(db, 'administrative_penalty', rows.penalties, [
      ['id', 'uuid', (r) => r.id], ['subject_id_number', 'text', (r) => r.subjectIdNumber], ['authority', 'text', (r) => r.authority],
      ['decision_no', 'text', (r) => r.decisionNo], ['reason', 'text', (r) => r.reason], ['fine', 'numeric', (r) => r.fine],
      ['decided_on', 'date', (r) => r.decidedOn],
    ]));
    counter.add('credit.credit_repair', await insertInto(db, 'credit_repair', rows.creditRepairs, [
      ['id', 'uuid', (r) => r.id], ['subject_id_number', 'text', (r) => r.subjectIdNumber], ['basis_case_no', 'text', (r) => r.basisCaseNo],
      ['authority', 'text', (r) => r.authority], ['description', 'text', (r) => r.description], ['repaired_on', 'date', (r) => r.repairedOn],
    ]));
  });
}

const KEYS: DatabaseKey[] = ['hub', 'property', 'vehicle', 'tax', 'socialSecurity', 'credit'];

/**
 * Generates `persons` persons and `enterprises` enterprises with their records in every database.
 * Deterministic for (seed, persons, enterprises, asOf) on a database without earlier generated cases;
 * re-running the same dataset inserts nothing new.
 */
export async function generateSynthetic(
  urls: Record<DatabaseKey, string>,
  options: GenerationOptions,
): Promise<GenerationSummary> {
  const started = Date.now();
  const spec: DatasetSpec = { seed: options.seed, persons: options.persons, enterprises: options.enterprises, asOf: options.asOf };
  const problem = datasetProblem(spec);
  if (problem) throw new RangeError(problem);
  const progress = options.onProgress ?? (() => {});
  const clients = {} as Record<DatabaseKey, Client>;
  try {
    for (const key of KEYS) {
      clients[key] = new Client({ connectionString: urls[key], application_name: 'fuyuantong-seed' });
      await clients[key].connect();
      // Bulk load: losing the last commits in a crash is harmless, the run can simply be repeated.
      await clients[key].query('SET synchronous_commit TO off');
    }
    const counter = new Counter();
    const numbering = await nextNumbering(clients.hub);
    const numberingTrouble = numberingProblem(spec, numbering);
    if (numberingTrouble) throw new RangeError(numberingTrouble);
    progress(0, spec.persons, 'staff');
    const staff = await writeStaff(clients.hub, staffRows(spec), counter);
    const chunks = chunkCount(spec);
    for (let c = 0; c < chunks; c++) {
      const rows = generateChunk(spec, c, numbering);
      await Promise.all([
        writeHub(clients.hub, rows.hub, staff, counter),
        writeProperty(clients.property, rows.property, counter),
        writeVehicle(clients.vehicle, rows.vehicle, counter),
        writeTax(clients.tax, rows.tax, counter),
        writeSocialSecurity(clients.socialSecurity, rows.socialSecurity, counter),
        writeCredit(clients.credit, rows.credit, counter),
      ]);
      progress(chunkBounds(spec, c).personTo, spec.persons, 'chunks');
    }
    progress(spec.persons, spec.persons, 'done');
    return {
      seed: spec.seed, persons: spec.persons, enterprises: spec.enterprises, chunks, numbering,
      inserted: counter.counts, elapsedMs: Date.now() - started,
    };
  } finally {
    await Promise.all(Object.values(clients).map((c) => c.end().catch(() => {})));
  }
}
