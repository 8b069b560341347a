import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Credit repair granted after a court-approved reorganisation plan (seed 000 item 22, 003 item 12). */
@Entity('credit_repair')
export class CreditRepair {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'subject_id_number', type: 'varchar', length: 18 })
  subjectIdNumber!: string;

  /** The case whose approved reorganisation plan is the basis. */
  @Column({ name: 'basis_case_no', type: 'varchar', length: 40 })
  basisCaseNo!: string;

  @Column({ type: 'varchar', length: 100 })
  authority!: string;

  @Column({ type: 'varchar', length: 300 })
  description!: string;

  @Column({ name: 'repaired_on', type: 'date' })
  repairedOn!: string;

  /** The hub's credit-repair request that granted it, when it came through the hub. */
  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId!: string | null;
}
