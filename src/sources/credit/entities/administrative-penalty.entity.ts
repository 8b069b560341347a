import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('administrative_penalty')
export class AdministrativePenalty {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'subject_id_number', type: 'varchar', length: 18 })
  subjectIdNumber!: string;

  @Column({ type: 'varchar', length: 100 })
  authority!: string;

  @Column({ name: 'decision_no', type: 'varchar', length: 60 })
  decisionNo!: string;

  @Column({ type: 'varchar', length: 300 })
  reason!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  fine!: string | null;

  @Column({ name: 'decided_on', type: 'date' })
  decidedOn!: string;
}
