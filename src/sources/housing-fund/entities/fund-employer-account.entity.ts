import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { FundAccountStatus } from './fund-account.entity';

/** An employer's unit account (单位公积金账户): what it pays in for its staff and what it owes them. */
@Entity('fund_employer_account')
export class FundEmployerAccount {
  @PrimaryColumn({ name: 'account_no', type: 'varchar', length: 20 })
  accountNo!: string;

  @Index({ unique: true })
  @Column({ name: 'credit_code', type: 'varchar', length: 18 })
  creditCode!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'contributing_employees', type: 'integer' })
  contributingEmployees!: number;

  @Column({ name: 'monthly_contribution', type: 'numeric', precision: 14, scale: 2 })
  monthlyContribution!: string;

  @Column({ type: 'varchar', length: 8 })
  status!: FundAccountStatus;

  @Column({ name: 'last_contribution_month', type: 'varchar', length: 7, nullable: true })
  lastContributionMonth!: string | null;

  /** Unpaid contributions (欠缴), yuan. */
  @Column({ name: 'arrears_amount', type: 'numeric', precision: 14, scale: 2 })
  arrearsAmount!: string;

  @Column({ name: 'arrears_since', type: 'date', nullable: true })
  arrearsSince!: string | null;
}
