// What a source's synthetic generator (its registry entry's `generate`) is given of a chunk, and the day and
// amount helpers the generators share. Imports nothing of the registry, so a source's generator can use it.

import type { ReferenceValueBasis } from '../schema/records.type';
import type { Region } from './chinese';
import type { Random } from './random';
import type { IndexPermutation } from './unique-codes';
import type { Court } from './synthetic-catalogue';

// ---- days and amounts ----

export const DAY_MS = 86_400_000;
export const YEAR = 365;

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export const toDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
// Formatting dates is a hot path (millions of rows); the days in use are few, so memoise.
const isoCache = new Map<number, string>();
/** YYYY-MM-DD of a day number. */
export const iso = (day: number): string => {
  let s = isoCache.get(day);
  if (s === undefined) isoCache.set(day, (s = new Date(day * DAY_MS).toISOString().slice(0, 10)));
  return s;
};
export const yearOf = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();
/** A working-day afternoon in China, as a timestamptz literal. */
export const timestamp = (day: number): string => `${iso(day)}T16:30:00+08:00`;
export const money = (yuan: number): string => yuan.toFixed(2);

export function logUniform(rng: Random, lo: number, hi: number): number {
  return lo * Math.pow(hi / lo, rng.next());
}

export function stochasticRound(rng: Random, x: number): number {
  const whole = Math.floor(x);
  return whole + (rng.chance(x - whole) ? 1 : 0);
}

/** A day from `from` to `to`; `to` when the range is empty. */
export function dayBetween(rng: Random, from: number, to: number): number {
  return from >= to ? to : rng.int(from, to);
}

/** A version-4 UUID drawn from `rng`. */
export function uuid(rng: Random): string {
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  const s = hex(rng.uint32()) + hex((rng.uint32() & 0xffff0fff) | 0x4000) + hex((rng.uint32() & 0x3fffffff) | 0x80000000) + hex(rng.uint32());
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** 参考价 of a unit or vehicle; null where none is known. */
export interface ReferenceValueColumns {
  referenceValue: string | null;
  referenceValueOn: string | null;
  referenceValueBasis: ReferenceValueBasis | null;
}

// ---- what a generator that runs after the chunk's cases gets ----

/**
 * What a source's own synthetic generator (its registry entry's `generate`, a function) gets of a chunk: the chunk's
 * parties and execution cases, settled by the time it runs, and random streams of its own, so adding a source leaves
 * the other sources' data unchanged. It returns its rows keyed as in its `synthetic` entry.
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

// ---- what a generator woven into the cases gets ----

export interface SyntheticParty {
  kind: 'PERSON' | 'ENTERPRISE';
  idNumber: string;
  name: string;
  region: Region;
}

export interface SyntheticPerson extends SyntheticParty {
  kind: 'PERSON';
  birthDay: number;
  age: number;
  employer: SyntheticEnterprise | null;
}

export interface SyntheticEnterprise extends SyntheticParty {
  kind: 'ENTERPRISE';
  registeredDay: number;
  legalRep: SyntheticPerson;
  exporter: boolean;
  /** Persons of the chunk it employs. */
  employees: number;
  averageBase: number;
  /** In arrears somewhere; a woven generator that finds arrears sets it, and cases and bankruptcies favour it. */
  troubled: boolean;
}

/** An execution case as the woven generators see it (days are day numbers). */
export interface SyntheticCase {
  caseNo: string;
  amountDue: string;
  court: Court;
  filedDay: number;
  closedDay: number | null;
  respondents: SyntheticParty[];
}

export interface SyntheticBankruptcy {
  caseNo: string;
  court: Court;
  debtor: SyntheticEnterprise;
  status: 'ACCEPTED' | 'REORGANISATION' | 'LIQUIDATION' | 'CLOSED';
  acceptedDay: number;
}

/**
 * What a woven generator gets when it starts, before the chunk's execution cases are filed. The parties are the live
 * objects of the chunk (a generator may set `troubled`). Streams are keyed by concern within the chunk; `uuid` and
 * `referenceValue` draw from streams the woven generators share, in the order they run.
 */
export interface WovenChunk {
  /** The day (day number) the data describes. */
  asOf: number;
  /** Where the chunk's parties stand in the dataset, for slots of the unique codes (plates, certificates). */
  layout: { persons: number; personFrom: number; enterpriseFrom: number };
  persons: readonly SyntheticPerson[];
  enterprises: readonly SyntheticEnterprise[];
  stream(concern: string): Random;
  permutation(space: number, concern: string): IndexPermutation;
  uuid(): string;
  /** With probability `p`, a reference value near `estimate` (yuan), priced within the last two years. */
  referenceValue(p: number, estimate: number, bases: ReferenceValueBasis[]): ReferenceValueColumns;
}

/** A woven generator's rows and its part in the chunk's cases. */
export interface WovenSource<R extends object> {
  /** Its rows, keyed as in its `synthetic` entry; the hooks below may still add to them. */
  rows: R;
  /** For each execution case and each of its respondents, in order: what the court seized of what it holds here. */
  seize?(c: SyntheticCase, respondent: SyntheticParty, rng: Random): void;
  /** After every case and seizure of the chunk. */
  afterCases?(cases: readonly SyntheticCase[]): void;
  /** For each bankruptcy case accepted, after its administrator is appointed. */
  bankruptcy?(b: SyntheticBankruptcy, rng: Random): void;
}

/**
 * A generator woven into the courts' cases: its records decide who is in trouble or what can be seized, and the
 * cases leave their marks in it. It starts before the cases are filed, after the sources it names in `after`.
 */
export interface WovenGenerator<R extends object = object> {
  /** Sources whose marks (`troubled`) it reads, or whose draws on the shared streams come first. */
  after?: readonly string[];
  start(chunk: WovenChunk): WovenSource<R>;
}

/** A source's synthetic generator: a function run once the chunk's cases are settled, or a woven one. */
export type SyntheticGenerate = ((chunk: SyntheticChunk) => Record<string, object[]>) | WovenGenerator;

/** The rows a source's generator gives. */
export type SyntheticRowsOf<G> = G extends (chunk: SyntheticChunk) => infer R ? R : G extends WovenGenerator<infer R> ? R : never;

/** Starting order of the woven generators: registry order, each after those it names. */
export function wovenOrder<S extends { name: string; generate?: SyntheticGenerate }>(sources: readonly S[]): Array<S & { generate: WovenGenerator }> {
  const woven = sources.filter((s): s is S & { generate: WovenGenerator } => typeof s.generate === 'object');
  const names = new Set(woven.map((s) => s.name));
  const ordered: Array<S & { generate: WovenGenerator }> = [];
  const done = new Set<string>();
  while (ordered.length < woven.length) {
    const next = woven.find((s) => !done.has(s.name) && (s.generate.after ?? []).every((a) => done.has(a) || !names.has(a)));
    if (!next) throw new Error(`synthetic generators wait on each other: ${woven.filter((s) => !done.has(s.name)).map((s) => s.name)}`);
    ordered.push(next);
    done.add(next.name);
  }
  return ordered;
}

/** A reference value drawn from `rng` (see WovenChunk.referenceValue). */
export function drawReferenceValue(rng: Random, asOf: number, p: number, estimate: number, bases: ReferenceValueBasis[]): ReferenceValueColumns {
  if (!rng.chance(p)) return { referenceValue: null, referenceValueOn: null, referenceValueBasis: null };
  const value = Math.round((estimate * (0.8 + 0.4 * rng.next())) / 100) * 100;
  return {
    referenceValue: money(value),
    referenceValueOn: iso(asOf - rng.int(0, 2 * YEAR)),
    referenceValueBasis: rng.pick(bases),
  };
}
