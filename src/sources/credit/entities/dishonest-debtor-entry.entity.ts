import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An entry on the list of dishonest judgment debtors (失信被执行人名单). */
@Entity('dishonest_debtor_entry')
export class DishonestDebtorEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'subject_id_number', type: 'varchar', length: 18 })
  subjectIdNumber!: string;

  @Column({ name: 'subject_name', type: 'varchar', length: 200 })
  subjectName!: string;

  @Column({ type: 'varchar', length: 100 })
  court!: string;

  @Column({ name: 'case_no', type: 'varchar', length: 40 })
  caseNo!: string;

  /** The obligation fixed by the effective legal document. */
  @Column({ type: 'varchar', length: 500 })
  obligation!: string;

  /** 失信情形, e.g. 有履行能力而拒不履行生效法律文书确定义务. */
  @Column({ type: 'varchar', length: 200 })
  circumstance!: string;

  @Column({ name: 'listed_on', type: 'date' })
  listedOn!: string;

  @Column({ name: 'removed_on', type: 'date', nullable: true })
  removedOn!: string | null;
}
