import { Column, CreateDateColumn, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from './organisation.entity';
import { Subject } from './subject.entity';

/** SUSPENDED (中止): stopped by a bankruptcy acceptance or a pending transfer to bankruptcy (README "Bankruptcy coordination"). */
export const EXECUTION_CASE_STATUSES = ['ACTIVE', 'SUSPENDED', 'CLOSED'] as const;
export type ExecutionCaseStatus = (typeof EXECUTION_CASE_STATUSES)[number];

@Entity('execution_case')
export class ExecutionCase {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ name: 'case_no', type: 'varchar', length: 40 })
  caseNo!: string;

  @Index()
  @Column({ name: 'court_id', type: 'uuid' })
  courtId!: string;

  @ManyToOne(() => Organisation, { nullable: false })
  @JoinColumn({ name: 'court_id' })
  court?: Organisation;

  @Column({ type: 'varchar', length: 16 })
  status!: ExecutionCaseStatus;

  @Column({ name: 'filed_on', type: 'date' })
  filedOn!: string;

  /** Yuan, exact decimal kept as a string. */
  @Column({ name: 'amount_due', type: 'numeric', precision: 18, scale: 2 })
  amountDue!: string;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @ManyToMany(() => Subject)
  @JoinTable({
    name: 'execution_case_respondent',
    joinColumn: { name: 'case_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'subject_id', referencedColumnName: 'id' },
  })
  respondents?: Subject[];
}
