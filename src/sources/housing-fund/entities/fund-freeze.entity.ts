import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FundAccount } from './fund-account.entity';

/** A court's freeze (冻结) of a person's fund account. */
@Entity('fund_freeze')
export class FundFreeze {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'account_no', type: 'varchar', length: 20 })
  accountNo!: string;

  @ManyToOne(() => FundAccount, (a) => a.freezes, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_no' })
  account?: FundAccount;

  @Column({ type: 'varchar', length: 100 })
  court!: string;

  @Column({ name: 'case_no', type: 'varchar', length: 40 })
  caseNo!: string;

  /** Yuan frozen. */
  @Column({ type: 'numeric', precision: 14, scale: 2 })
  amount!: string;

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
  @Index('IDX_fund_freeze_request', { unique: true })
  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId!: string | null;
}
