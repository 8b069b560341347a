import type { EntityManager } from 'typeorm';
import type { SubjectKind } from '../../ids/subject-id';

export interface PartyRow {
  idNumber: string;
  kind: SubjectKind;
  name: string;
}

/**
 * Case parties are keyed by ID number across cases. The name on the newest filing wins: the ID number is the
 * identity, and a court filing is the authority on a party's current name (enterprises are renamed).
 */
export async function upsertSubjects(m: EntityManager, parties: PartyRow[]): Promise<string[]> {
  const ids: string[] = [];
  for (const p of parties) {
    const [row]: Array<{ id: string }> = await m.query(
      `INSERT INTO subject (kind, id_number, name) VALUES ($1, $2, $3)
       ON CONFLICT (id_number) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [p.kind, p.idNumber, p.name],
    );
    ids.push(row.id);
  }
  return ids;
}
