import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const AUDIT_ENTRY_KINDS = ['READ', 'REFUSAL', 'ADMIN', 'AUDIT', 'AUTH_FAILURE', 'CONTROL', 'CHECK'] as const;
export type AuditEntryKind = (typeof AUDIT_ENTRY_KINDS)[number];

export const AUDIT_OUTCOMES = ['ALLOWED', 'PARTIAL', 'DENIED', 'FAILED', 'REQUESTED'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** One field path read beneath a subject, and what the viewer got. */
export interface AuditFieldRead {
  path: string;
  outcome: 'ALLOW' | 'MASK' | 'DENY' | 'FAILED';
}

export interface AuditSourceState {
  source: string;
  state: string;
}

/**
 * One entry of the audit log. Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE); `hash` is the SHA-256
 * of the entry's stored columns (formats 3 and 4; older entries: its canonical serialisation) including `prevHash` and its
 * secret `salt` (audit/audit-entry-hash.ts), so the rows form a chain.
 * The table is range-partitioned by month on `at`; `at` never decreases with `seq`.
 */
@Entity('audit_entry')
@Index(['username', 'seq'])
@Index(['organisationCode', 'seq'])
@Index(['role', 'seq'])
@Index(['caseNo', 'seq'])
@Index(['subjectIdNumber', 'seq'])
@Index(['outcome', 'seq'])
@Index(['at'])
// (kind, at) INCLUDE (case_no, request_id, subject_id, subject_id_number, outcome): statistics; migration 1795900000000.
@Index('IDX_audit_entry_kind_at', { synchronize: false })
@Check('CHK_audit_entry_format', '"format" IN (2, 3, 4)')
export class AuditEntry {
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  @PrimaryColumn({ type: 'timestamptz', precision: 3 })
  at!: Date;

  @Column({ name: 'request_id', type: 'varchar', length: 64 })
  requestId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: AuditEntryKind;

  @Column({ type: 'varchar', length: 64, nullable: true })
  username!: string | null;

  @Column({ name: 'organisation_code', type: 'varchar', length: 64, nullable: true })
  organisationCode!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  role!: string | null;

  @Column({ name: 'case_kind', type: 'varchar', length: 16, nullable: true })
  caseKind!: string | null;

  @Column({ name: 'case_no', type: 'varchar', length: 40, nullable: true })
  caseNo!: string | null;

  @Column({ name: 'subject_id', type: 'uuid', nullable: true })
  subjectId!: string | null;

  @Column({ name: 'subject_kind', type: 'varchar', length: 16, nullable: true })
  subjectKind!: string | null;

  /** Resident ID or unified social credit code, in full: the per-subject history is keyed by it. */
  @Column({ name: 'subject_id_number', type: 'varchar', length: 18, nullable: true })
  subjectIdNumber!: string | null;

  /** Kept as json, byte for byte as hashed (see `storedForm`); null in format 4, which names its list by digest. */
  @Column({ type: 'json', nullable: true })
  fields!: AuditFieldRead[] | null;

  /** Format 4: the SHA-256 (hex) of the list of fields read, kept once in `audit_field_list`. */
  @Column({ name: 'fields_digest', type: 'char', length: 64, nullable: true })
  fieldsDigest!: string | null;

  @Column({ type: 'json' })
  sources!: AuditSourceState[];

  @Column({ type: 'varchar', length: 16 })
  outcome!: AuditOutcome;

  @Column({ name: 'client_address', type: 'varchar', length: 64, nullable: true })
  clientAddress!: string | null;

  @Column({ name: 'operation_name', type: 'varchar', length: 100, nullable: true })
  operationName!: string | null;

  /** Kind-specific detail: the operation and its arguments (secrets removed), or the refusal's message. */
  @Column({ type: 'json', nullable: true })
  detail!: Record<string, unknown> | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;

  /** The X-Request-Id the client sent, if any: a correlation id, never the entry's own request id. */
  @Column({ name: 'correlation_id', type: 'varchar', length: 64, nullable: true })
  correlationId!: string | null;

  /** The entry's secret (32 random bytes, hex), hashed with it; never shown to auditors. Null in format-1 entries. */
  @Column({ type: 'char', length: 64, nullable: true })
  salt!: string | null;

  /**
   * What the hash is computed over: 4, the stored columns with the list of fields by digest; 3, the stored columns
   * (`storedForm`); 2, the canonical JSON (older entries).
   */
  @Column({ type: 'smallint' })
  format!: number;
}
