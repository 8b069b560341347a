import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const INSURED_STATUSES = ['INSURED', 'SUSPENDED', 'TERMINATED'] as const;
export const INSURANCE_TYPES = ['PENSION', 'MEDICAL', 'UNEMPLOYMENT', 'WORK_INJURY', 'MATERNITY'] as const;

/** A natural person registered with social security (人社), with registered contact details. */
@Entity('insured_person')
export class InsuredPerson {
  @PrimaryColumn({ name: 'id_number', type: 'varchar', length: 18 })
  idNumber!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  address!: string | null;

  @Column({ name: 'insured_status', type: 'varchar', length: 16 })
  insuredStatus!: (typeof INSURED_STATUSES)[number];

  @Index()
  @Column({ name: 'employer_id_number', type: 'varchar', length: 18, nullable: true })
  employerIdNumber!: string | null;

  @Column({ name: 'employer_name', type: 'varchar', length: 200, nullable: true })
  employerName!: string | null;

  /** Monthly contribution base in yuan: the wage a garnishment order can attach to. */
  @Column({ name: 'contribution_base', type: 'numeric', precision: 12, scale: 2, nullable: true })
  contributionBase!: string | null;

  @Column({ name: 'insurance_types', type: 'text', array: true, default: () => "'{}'" })
  insuranceTypes!: string[];

  /** Medical insurance details: health data, not needed for execution. */
  @Column({ name: 'medical_plan', type: 'varchar', length: 40, nullable: true })
  medicalPlan!: string | null;

  @Column({ name: 'medical_account_balance', type: 'numeric', precision: 12, scale: 2, nullable: true })
  medicalAccountBalance!: string | null;

  @Column({ name: 'designated_hospital', type: 'varchar', length: 100, nullable: true })
  designatedHospital!: string | null;
}
