import { Column, PrimaryGeneratedColumn } from 'typeorm';

export const ENCUMBRANCE_KINDS = ['MORTGAGE', 'SEIZURE'] as const;
export type EncumbranceKind = (typeof ENCUMBRANCE_KINDS)[number];

/** The columns every register of encumbrances keeps: a mortgage (抵押) or a court seizure (查封) against one thing. */
export abstract class EncumbranceColumns {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: EncumbranceKind;

  /** Mortgagee (a bank) or the court that ordered the seizure. */
  @Column({ type: 'varchar', length: 200 })
  holder!: string;

  /** Seizures: the case that ordered it. */
  @Column({ name: 'case_no', type: 'varchar', length: 40, nullable: true })
  caseNo!: string | null;

  /** Mortgages: the secured amount in yuan. */
  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  amount!: string | null;

  @Column({ name: 'registered_on', type: 'date' })
  registeredOn!: string;

  @Column({ name: 'released_on', type: 'date', nullable: true })
  releasedOn!: string | null;
}
