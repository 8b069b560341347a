import type { DataSource } from 'typeorm';
import { registryColumns, type AssetClass, type SourceControl } from '../control/source-control';

/** A court measure (seizure or freeze) as an agency's register holds it. */
export interface RegisterMeasure {
  source: string;
  rowId: string;
  caseNo: string | null;
  /** The court as the register names it. */
  holder: string | null;
  registeredOn: string | null;
  expiresOn: string | null;
  /** The hub's rank: 1 effective, n the n-th in line. */
  rank: number | null;
  requestId: string | null;
  amount: string | null;
  assetKey: string;
  assetClass: AssetClass;
  ownerIdNumber: string;
  /** The asset's reference value, or the account's balance. */
  value: string | null;
}

/**
 * Which court measures to read: those in force past the shortest legal maximum of the source's classes (a period
 * longer than it, or no end while effective), or those of the given cases.
 */
export type RegisterSelection = { pastDays: number } | { caseNos: string[] };

/**
 * Court measures in force (not released, not ended before `today`) in one controllable source's register, read
 * through the register's declared tables and columns (SourceControl.registry), one statement.
 */
export async function readRegisterMeasures(
  db: DataSource,
  source: string,
  control: SourceControl,
  today: string,
  selection: RegisterSelection,
): Promise<RegisterMeasure[]> {
  const r = control.registry;
  const c = registryColumns(r);
  const reg = `e."${c.registeredOn}"`;
  const params: unknown[] = [today];
  let where: string;
  if ('pastDays' in selection) {
    params.push(selection.pastDays, c.firstRank);
    where = `${reg} IS NOT NULL AND ((e.expires_on IS NOT NULL AND e.expires_on - ${reg} + 1 > $2)
             OR (e.expires_on IS NULL AND e.rank = $3 AND ${reg} + $2::int <= $1::date))`;
  } else {
    if (selection.caseNos.length === 0) return [];
    params.push(selection.caseNos);
    where = `e.case_no = ANY($2)`;
  }
  const amount = c.amount ? `e."${c.amount}"::text` : 'NULL';
  const value = r.valueColumn ? `a."${r.valueColumn}"::text` : 'NULL';
  const rows: Array<Record<string, string | number | null>> = await db.query(
    `SELECT e.id::text AS row_id, e.case_no, e."${c.holder}" AS holder, ${reg}::text AS registered_on, e.expires_on::text AS expires_on,
            e.rank, e.request_id::text AS request_id, ${amount} AS amount, ${c.key('a')} AS asset_key, a."${r.ownerColumn}" AS owner, ${value} AS value
       FROM "${r.encumbranceTable}" e JOIN "${r.assetTable}" a ON a."${c.id}" = e."${r.assetIdColumn}"
      WHERE ${c.courtMeasure('e')} AND e.released_on IS NULL AND (e.expires_on IS NULL OR e.expires_on >= $1::date) AND ${where}
      ORDER BY e.id`,
    params,
  );
  return rows.map((row) => ({
    source,
    rowId: String(row.row_id),
    caseNo: (row.case_no as string | null) ?? null,
    holder: (row.holder as string | null) ?? null,
    registeredOn: (row.registered_on as string | null) ?? null,
    expiresOn: (row.expires_on as string | null) ?? null,
    rank: c.hubRank(row.rank === null ? null : Number(row.rank)),
    requestId: (row.request_id as string | null) ?? null,
    amount: (row.amount as string | null) ?? null,
    assetKey: String(row.asset_key),
    assetClass: control.classOf(String(row.asset_key)),
    ownerIdNumber: String(row.owner),
    value: (row.value as string | null) ?? null,
  }));
}
