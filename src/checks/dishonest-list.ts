import type { DataSource } from 'typeorm';

/** A current entry on the list, as an agency is told of it: the court, its case number and the listing date. */
export interface ListedEntry {
  court: string;
  caseNo: string;
  listedOn: string;
}

/**
 * The current entries (not removed) of these subjects on the dishonest-debtor list, read from the credit source's
 * own database: one statement for the whole set. Nothing else of the credit record is read.
 */
export async function currentEntries(credit: DataSource, idNumbers: readonly string[]): Promise<Map<string, ListedEntry[]>> {
  const result = new Map<string, ListedEntry[]>();
  if (idNumbers.length === 0) return result;
  const rows: Array<ListedEntry & { idNumber: string }> = await credit.query(
    `SELECT subject_id_number AS "idNumber", court, case_no AS "caseNo", listed_on::text AS "listedOn"
       FROM dishonest_debtor_entry WHERE subject_id_number = ANY($1::varchar[]) AND removed_on IS NULL ORDER BY listed_on, case_no`,
    [idNumbers],
  );
  for (const { idNumber, ...entry } of rows) {
    const list = result.get(idNumber) ?? [];
    list.push(entry);
    result.set(idNumber, list);
  }
  return result;
}

/** When each of these subjects' entries left the list (the latest removal), for those with none current. */
export async function latestRemovals(credit: DataSource, idNumbers: readonly string[]): Promise<Map<string, string | null>> {
  const rows: Array<{ idNumber: string; removedOn: string | null }> = await credit.query(
    `SELECT subject_id_number AS "idNumber", max(removed_on)::text AS "removedOn"
       FROM dishonest_debtor_entry WHERE subject_id_number = ANY($1::varchar[]) GROUP BY subject_id_number`,
    [idNumbers],
  );
  return new Map(rows.map((r) => [r.idNumber, r.removedOn]));
}
