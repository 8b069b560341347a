import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A signed statement "the chain at `seq` has hash `hash`"; append-only like the entries. */
@Entity('audit_checkpoint')
export class AuditCheckpoint {
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  @PrimaryColumn({ name: 'key_id', type: 'varchar', length: 64 })
  keyId!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;

  /** Time of the entry at `seq`. */
  @Column({ name: 'entry_at', type: 'timestamptz', precision: 3 })
  entryAt!: Date;

  @Column({ name: 'signed_at', type: 'timestamptz', precision: 3 })
  signedAt!: Date;

  /** Ed25519 signature (base64url) over the checkpoint's canonical statement. */
  @Column({ type: 'varchar', length: 128 })
  signature!: string;
}
