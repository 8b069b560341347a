import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BankAccount } from './bank-account.entity';
import { DepositFreeze } from './deposit-freeze.entity';

/** A court's deduction (扣划) from an account. */
@Entity('deposit_deduction')
export class DepositDeduction {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => BankAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: BankAccount;

  @Column({ type: 'varchar', length: 100 })
  court!: string;

  @Column({ name: 'case_no', type: 'varchar', length: 40 })
  caseNo!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount!: string;

  @Column({ name: 'deducted_on', type: 'date' })
  deductedOn!: string;

  /** The freeze the deduction draws on; null for deductions the register recorded without one. */
  @Index('IDX_deposit_deduction_freeze')
  @Column({ name: 'freeze_id', type: 'uuid', nullable: true })
  freezeId!: string | null;

  @ManyToOne(() => DepositFreeze, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'freeze_id', foreignKeyConstraintName: 'FK_deposit_deduction_freeze' })
  freeze?: DepositFreeze;
}
