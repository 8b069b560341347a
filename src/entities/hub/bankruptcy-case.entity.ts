import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from './organisation.entity';
import { Subject } from './subject.entity';

export const BANKRUPTCY_CASE_STATUSES = ['ACCEPTED', 'REORGANISATION', 'LIQUIDATION', 'CLOSED'] as const;
export type BankruptcyCaseStatus = (typeof BANKRUPTCY_CASE_STATUSES)[number];
/**
 * How a bankruptcy case ends: the application dismissed (驳回破产申请) or withdrawn (撤回申请), so the suspended
 * executions resume; or the bankruptcy concluded (破产程序终结), so they terminate (终结执行).
 */
export const BANKRUPTCY_OUTCOMES = ['DISMISSED', 'WITHDRAWN', 'CONCLUDED'] as const;
export type BankruptcyOutcome = (typeof BANKRUPTCY_OUTCOMES)[number];

@Entity('bankruptcy_case')
export class BankruptcyCase {
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

  @Index()
  @Column({ name: 'debtor_id', type: 'uuid' })
  debtorId!: string;

  @ManyToOne(() => Subject, { nullable: false })
  @JoinColumn({ name: 'debtor_id' })
  debtor?: Subject;

  /** 受理破产案件裁定书 number; without it no administrator may read (seed 000 item 18). */
  @Column({ name: 'acceptance_ruling_no', type: 'varchar', length: 60, nullable: true })
  acceptanceRulingNo!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: BankruptcyCaseStatus;

  @Column({ name: 'accepted_on', type: 'date' })
  acceptedOn!: string;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'closing_outcome', type: 'varchar', length: 16, nullable: true })
  closingOutcome!: BankruptcyOutcome | null;

  /** The ruling that ended the case (驳回/准许撤回/终结破产程序裁定书). */
  @Column({ name: 'closing_ruling_no', type: 'varchar', length: 60, nullable: true })
  closingRulingNo!: string | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
