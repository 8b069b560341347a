import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The single row holding the chain's head. Appenders lock it (SELECT … FOR UPDATE) in the transaction that
 * inserts their entries, which serialises appends across every hub process and keeps `seq` free of gaps.
 */
@Entity('audit_head')
export class AuditHead {
  @PrimaryColumn({ type: 'smallint' })
  id!: number;

  @Column({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;

  @Column({ type: 'timestamptz', precision: 3 })
  at!: Date;
}
