import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { INSURANCE_TYPES } from './insured-person.entity';

/** An employer's unpaid contribution (欠缴) for one insurance type and month; overdue from `overdueSince`. */
@Entity('contribution_arrear')
export class ContributionArrear {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_contribution_arrear_employer')
  @Column({ name: 'employer_id_number', type: 'varchar', length: 18 })
  employerIdNumber!: string;

  @Column({ name: 'insurance_type', type: 'varchar', length: 16 })
  insuranceType!: (typeof INSURANCE_TYPES)[number];

  /** YYYY-MM, the month the contribution is for. */
  @Column({ type: 'varchar', length: 7 })
  period!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount!: string;

  /** The first day the contribution was late (滞纳金 runs from it). */
  @Column({ name: 'overdue_since', type: 'date' })
  overdueSince!: string;
}
