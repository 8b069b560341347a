import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AuditFieldRead } from './audit-entry.entity';

/**
 * A list of fields read, stored once for every audit entry of format 4 that read exactly these fields, and named by
 * them through its digest: the SHA-256 (hex) of `fields`, the list's canonical JSON kept byte for byte (json).
 * Append-only, like the entries.
 */
@Entity('audit_field_list')
export class AuditFieldList {
  @PrimaryColumn({ type: 'char', length: 64 })
  digest!: string;

  @Column({ type: 'json' })
  fields!: AuditFieldRead[];
}
