import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { DepositFreeze } from './deposit-freeze.entity';
import type { DepositDeduction } from './deposit-deduction.entity';

export const ACCOUNT_TYPES = ['DEMAND', 'TIME'] as const;
export const ACCOUNT_STATUSES = ['NORMAL', 'DORMANT', 'CLOSED'] as const;

/** An account at one bank. The asset key is (bank_code, account_no); `id` only links freezes and deductions to it. */
@Entity('bank_account')
@Index(['bankCode', 'accountNo'], { unique: true })
export class BankAccount {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'holder_id_number', type: 'varchar', length: 18 })
  holderIdNumber!: string;

  @Column({ name: 'holder_name', type: 'varchar', length: 200 })
  holderName!: string;

  /** The bank's financial-institution code (金融机构编码), as the 总对总 network names it. */
  @Column({ name: 'bank_code', type: 'varchar', length: 14 })
  bankCode!: string;

  /** The branch that keeps the account, e.g. 中国工商银行金寨支行. */
  @Column({ name: 'bank_name', type: 'varchar', length: 100 })
  bankName!: string;

  @Column({ name: 'account_no', type: 'varchar', length: 32 })
  accountNo!: string;

  /** DEMAND (活期) or TIME (定期). */
  @Column({ type: 'varchar', length: 8 })
  type!: (typeof ACCOUNT_TYPES)[number];

  /** ISO 4217. */
  @Column({ type: 'char', length: 3, default: 'CNY' })
  currency!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  balance!: string;

  @Column({ name: 'opened_on', type: 'date' })
  openedOn!: string;

  @Column({ type: 'varchar', length: 8 })
  status!: (typeof ACCOUNT_STATUSES)[number];

  @OneToMany(() => DepositFreeze, (f) => f.account)
  freezes?: DepositFreeze[];

  /** Filled by the connector. */
  deductions?: DepositDeduction[];
}
