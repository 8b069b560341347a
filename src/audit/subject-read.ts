import type { CaseBinding } from '../auth/case-binding';
import type { AuditFieldRead } from '../entities/hub/audit-entry.entity';

export type FieldOutcome = AuditFieldRead['outcome'];

const SEVERITY: Record<FieldOutcome, number> = { ALLOW: 0, MASK: 1, FAILED: 2, DENY: 3 };

/** Whom a read is about: a case-bound subject, or a natural person linked to one (legal representative, employee). */
export interface ReadSubject {
  /** Hub id of a case party; null for a linked person, who is known by ID number only. */
  id: string | null;
  kind: string | null;
  idNumber: string;
  binding: CaseBinding;
  /** For a linked person: the hub id of the case party through which they were reached. */
  linkedTo?: string;
}

/** Everything one request read of one subject under one case: field paths with outcomes. */
export class SubjectRead {
  readonly fields = new Map<string, FieldOutcome>();
  /** Some value reached the viewer (ALLOW or MASK). */
  released = false;
  /** Some field was denied or failed. */
  withheld = false;
  /** Reads of the natural persons linked to this subject, by ID number. */
  readonly linked = new Map<string, SubjectRead>();

  constructor(readonly subject: ReadSubject) {}

  field(path: string, outcome: FieldOutcome): void {
    const before = this.fields.get(path);
    // The same path read several times (list items, aliases) keeps its most restrictive outcome.
    if (before === undefined || SEVERITY[outcome] > SEVERITY[before]) this.fields.set(path, outcome);
    if (outcome === 'ALLOW' || outcome === 'MASK') this.released = true;
    else this.withheld = true;
  }

  /** The read of a natural person reached through this subject: it goes on their own access history too. */
  linkedPerson(idNumber: string): SubjectRead {
    let read = this.linked.get(idNumber);
    if (!read) {
      read = new SubjectRead({ id: null, kind: 'PERSON', idNumber, binding: this.subject.binding, linkedTo: this.subject.id ?? undefined });
      this.linked.set(idNumber, read);
    }
    return read;
  }
}
