import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A court order restricting high consumption (限制消费令). */
@Entity('consumption_restriction')
export class ConsumptionRestriction {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'subject_id_number', type: 'varchar', length: 18 })
  subjectIdNumber!: string;

  @Column({ type: 'varchar', length: 100 })
  court!: string;

  @Column({ name: 'case_no', type: 'varchar', length: 40 })
  caseNo!: string;

  @Column({ name: 'issued_on', type: 'date' })
  issuedOn!: string;

  @Column({ name: 'lifted_on', type: 'date', nullable: true })
  liftedOn!: string | null;
}
