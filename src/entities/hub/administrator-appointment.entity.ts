import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BankruptcyCase } from './bankruptcy-case.entity';
import { Organisation } from './organisation.entity';

/** A firm's appointment as bankruptcy administrator (指定管理人决定书), valid for a period. */
@Entity('administrator_appointment')
@Index(['firmId', 'caseId'])
export class AdministratorAppointment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => BankruptcyCase, { nullable: false })
  @JoinColumn({ name: 'case_id' })
  case?: BankruptcyCase;

  @Column({ name: 'firm_id', type: 'uuid' })
  firmId!: string;

  @ManyToOne(() => Organisation, { nullable: false })
  @JoinColumn({ name: 'firm_id' })
  firm?: Organisation;

  @Column({ name: 'decision_no', type: 'varchar', length: 60, nullable: true })
  decisionNo!: string | null;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
