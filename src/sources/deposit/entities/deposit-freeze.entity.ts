import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BankAccount } from './bank-account.entity';

/** A court's freeze (冻结) of an account, up to an amount. */
@Entity('deposit_freeze')
export class DepositFreeze {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => BankAccount, (a) => a.freezes, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: BankAccount;

  @Column({ type: 'varchar', length: 100 })
  court!: string;

  @Column({ name: 'case_no', type: 'varchar', length: 40 })
  caseNo!: string;

  /** Yuan frozen. */
  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount!: string;

  /** 0: the first, effective freeze; n ≥ 1: 轮候 n, waiting in that place. */
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
  @Index('IDX_deposit_freeze_request', { unique: true })
  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId!: string | null;
}
