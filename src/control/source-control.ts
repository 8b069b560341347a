import type { DataSource, EntityManager } from 'typeorm';

/** What a court asks an agency to do with an asset (DESIGN.md "Requests between courts and agencies"). */
export const CONTROL_KINDS = ['SEIZE', 'FREEZE', 'DEDUCT', 'RENEW', 'RELEASE'] as const;
export type ControlKind = (typeof CONTROL_KINDS)[number];
/** The kinds a clerk drafts on an asset; RENEW and RELEASE follow from an existing order. */
export type MeasureKind = Extract<ControlKind, 'SEIZE' | 'FREEZE' | 'DEDUCT'>;

export const ASSET_CLASSES = ['REAL_ESTATE', 'VEHICLE', 'DEPOSIT', 'HOUSING_FUND', 'EQUITY'] as const;
export type AssetClass = (typeof ASSET_CLASSES)[number];

/** An asset as its source knows it, for the ownership check and the over-seizure weighing. */
export interface AssetFacts {
  ownerIdNumber: string;
  /** Reference value in yuan (or the balance of an account), null when the source holds none. */
  value: string | null;
  /** Mortgages on it, yuan (what a sale pays first). */
  mortgages: string;
  /** Court seizures or freezes in force or waiting on it, with their amounts where known. */
  seizures: Array<{ caseNo: string | null; amount: string | null; rank: number | null; requestId: string | null }>;
}

/**
 * How the reference processor reaches an asset and its encumbrances in the agency's registry: the tables and
 * columns, so one generic processor (control/agency-registry.ts) serves every controllable source.
 */
export interface ControlRegistry {
  /** The asset table and its key as the source knows it (unit code, VIN, fund account no.); a key of several
   *  columns (bank code and account no.) is written with its parts joined by ':'. */
  assetTable: string;
  keyColumn: string | string[];
  /** The asset's own id, which its encumbrances point at (default `id`). */
  idColumn?: string;
  ownerColumn: string;
  /** Reference value or balance; absent when the source holds none (the asset's value is then unknown). */
  valueColumn?: string;
  /**
   * Freezes of a balance: the amount actually frozen is at most this column less what earlier freezes hold.
   * Deposit and housing-fund accounts declare it; seizures of things leave it out.
   */
  balanceColumn?: string;
  /** The encumbrance table, its column pointing at the asset's id, and the value written as its `kind`. */
  encumbranceTable: string;
  assetIdColumn: string;
  encumbranceKind: Record<'SEIZE' | 'FREEZE', string>;
  /**
   * The encumbrance table's own column names where they differ from `kind`, `holder`, `registered_on` and `amount`:
   * `kind: null` when the table holds court measures only (no mortgages), `amount: null` when it keeps no amount.
   */
  columns?: { kind?: string | null; holder?: string; registeredOn?: string; amount?: string | null };
  /** The register's number of the effective measure: 1 (default; n = the n-th in line) or 0 (n = 轮候 n). */
  firstRank?: 0 | 1;
  /** Prefix of registration numbers the processor issues (e.g. 不动产查封登记). */
  registrationPrefix: string;
  /**
   * Where a deduction (扣划) of a frozen amount is recorded, for sources that take DEDUCT; `freezeIdColumn` names the
   * encumbrance (the freeze) the deduction draws on.
   */
  deductions?: { table: string; assetIdColumn: string; court: string; date: string; freezeIdColumn: string; registrationPrefix: string };
}

/** The registry's columns with their defaults filled in, and SQL fragments over them. */
export function registryColumns(r: ControlRegistry) {
  const c = r.columns ?? {};
  const kind = c.kind === undefined ? 'kind' : c.kind;
  const amount = c.amount === undefined ? 'amount' : c.amount;
  const firstRank = r.firstRank ?? 1;
  const keys = Array.isArray(r.keyColumn) ? r.keyColumn : [r.keyColumn];
  return {
    id: r.idColumn ?? 'id',
    kind,
    holder: c.holder ?? 'holder',
    registeredOn: c.registeredOn ?? 'registered_on',
    amount,
    firstRank,
    /** The asset key as the hub names it, over the asset table aliased `alias`. */
    key: (alias: string) => (keys.length === 1 ? `${alias}."${keys[0]}"` : `concat_ws(':', ${keys.map((k) => `${alias}."${k}"`).join(', ')})`),
    /** True for court measures (not mortgages), over the encumbrance table aliased `alias`. */
    courtMeasure: (alias: string) => (kind ? `${alias}."${kind}" <> 'MORTGAGE'` : 'TRUE'),
    /** The hub's rank (1 = effective, n = the n-th in line) of a register's rank, and back. */
    hubRank: (rank: number | null) => (rank === null ? null : rank - firstRank + 1),
    registerRank: (rank: number) => rank - 1 + firstRank,
  };
}

/** A source that can be asked to control assets: declared as `control` in its definition (index.ts). */
export interface SourceControl {
  /** Per asset class: the kinds it takes and the legal maximum period in days (SPC rules). */
  assets: Partial<Record<AssetClass, { kinds: MeasureKind[]; maxPeriodDays: number }>>;
  /** What the asset key is, for the API's description and error messages (e.g. 'unit code (不动产单元号)'). */
  assetKey: string;
  /** The class of an asset, from its key (a source with one class returns it). */
  classOf(key: string): AssetClass;
  registry: ControlRegistry;
}

/** The asset and its encumbrances, read from the source (ownership check, over-seizure). Null when unknown. */
export async function readAsset(db: DataSource | EntityManager, r: ControlRegistry, key: string, today: string): Promise<AssetFacts | null> {
  const c = registryColumns(r);
  const value = r.valueColumn ? `a."${r.valueColumn}"::text` : 'NULL';
  const kind = c.kind ? `e."${c.kind}"` : `CASE WHEN e.id IS NULL THEN NULL ELSE 'FREEZE' END`;
  const amount = c.amount ? `e."${c.amount}"::text` : 'NULL';
  const rows: Array<Record<string, string | number | null>> = await db.query(
    `SELECT a."${c.id}" AS id, a."${r.ownerColumn}" AS owner, ${value} AS value, ${kind} AS kind, ${amount} AS amount, e.case_no, e.rank, e.request_id
       FROM "${r.assetTable}" a
       LEFT JOIN "${r.encumbranceTable}" e ON e."${r.assetIdColumn}" = a."${c.id}" AND e.released_on IS NULL AND (e.expires_on IS NULL OR e.expires_on >= $2)
      WHERE ${c.key('a')} = $1`,
    [key, today],
  );
  if (rows.length === 0) return null;
  let mortgages = 0;
  const seizures: AssetFacts['seizures'] = [];
  for (const row of rows) {
    if (row.kind === 'MORTGAGE') mortgages += Number(row.amount ?? 0);
    else if (row.kind) {
      seizures.push({
        caseNo: row.case_no as string | null,
        amount: row.amount as string | null,
        rank: c.hubRank(row.rank as number | null),
        requestId: row.request_id as string | null,
      });
    }
  }
  return { ownerIdNumber: String(rows[0].owner), value: (rows[0].value as string | null) ?? null, mortgages: mortgages.toFixed(2), seizures };
}
