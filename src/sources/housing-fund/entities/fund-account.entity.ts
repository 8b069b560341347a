import { Column, Entity, Index, OneToMany, PrimaryColumn } from 'typeorm';
import { FundFreeze } from './fund-freeze.entity';

export const FUND_ACCOUNT_STATUSES = ['NORMAL', 'SEALED', 'CLOSED'] as const;
export type FundAccountStatus = (typeof FUND_ACCOUNT_STATUSES)[number];

/** A person's housing provident fund account (个人公积金账户); the account no. is the asset key. */
@Entity('fund_account')
export class FundAccount {
  @PrimaryColumn({ name: 'account_no', type: 'varchar', length: 20 })
  accountNo!: string;

  @Index()
  @Column({ name: 'holder_id_number', type: 'varchar', length: 18 })
  holderIdNumber!: string;

  @Column({ name: 'holder_name', type: 'varchar', length: 100 })
  holderName!: string;

  @Column({ name: 'employer_name', type: 'varchar', length: 200, nullable: true })
  employerName!: string | null;

  @Column({ name: 'employer_credit_code', type: 'varchar', length: 18, nullable: true })
  employerCreditCode!: string | null;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  balance!: string;

  /** Employee and employer shares together, yuan. */
  @Column({ name: 'monthly_contribution', type: 'numeric', precision: 12, scale: 2 })
  monthlyContribution!: string;

  /** NORMAL (正常), SEALED (封存: no employer pays in), CLOSED (销户). */
  @Column({ type: 'varchar', length: 8 })
  status!: FundAccountStatus;

  /** YYYY-MM. */
  @Column({ name: 'last_contribution_month', type: 'varchar', length: 7, nullable: true })
  lastContributionMonth!: string | null;

  @Column({ name: 'opened_on', type: 'date' })
  openedOn!: string;

  @OneToMany(() => FundFreeze, (f) => f.account)
  freezes?: FundFreeze[];
}
