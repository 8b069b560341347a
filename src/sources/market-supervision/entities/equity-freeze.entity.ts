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

  @Column({ name: 'expires_on', type: 'date' })
  expiresOn!: string;

  @Column({ name: 'released_on', type: 'date', nullable: true })
  releasedOn!: string | null;
}
