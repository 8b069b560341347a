import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Shareholding } from './shareholding.entity';

/** A court's freeze of equity (股权冻结). */
@Entity('equity_freeze')
export class EquityFreeze {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'shareholding_id', type: 'uuid' })
  shareholdingId!: string;

  @ManyToOne(() => Shareholding, (s) => s.freezes, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shareholding_id' })
  shareholding?: Shareholding;

  @Column({ type: 'varchar', length: 100 })
  court!: string;

  @Column({ name: 'case_no', type: 'varchar', length: 40 })
  caseNo!: string;

  /** 0: the first, effective freeze; n ≥ 1: 轮候 n. */
  @Column({ type: 'smallint' })
  rank!: number;

  @Column({ name: 'frozen_on', type: 'date' })
  frozenOn!: string;

  /** Null while a freeze registered through the hub waits in line (轮候): its period starts when it is first. */
  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn!: string | null;

  @Column({ name: 'released_on', type: 'date', nullable: true })
  releasedOn!: string | null;

  /** Freezes registered through the hub: the assistance request that registered it. */
  @Index('IDX_equity_freeze_request', { unique: true })
  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId!: string | null;
}
