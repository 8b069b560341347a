import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An enterprise registered as a social-security contributor. */
@Entity('insured_employer')
export class InsuredEmployer {
  @PrimaryColumn({ name: 'id_number', type: 'varchar', length: 18 })
  idNumber!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'insured_employee_count', type: 'int' })
  insuredEmployeeCount!: number;

  /** Unpaid contributions (欠缴) in yuan. */
  @Column({ name: 'arrears_amount', type: 'numeric', precision: 18, scale: 2 })
  arrearsAmount!: string;

  @Column({ name: 'arrears_since', type: 'date', nullable: true })
  arrearsSince!: string | null;

  @Column({ name: 'registered_on', type: 'date' })
  registeredOn!: string;
}
