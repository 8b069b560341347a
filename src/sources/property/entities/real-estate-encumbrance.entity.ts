import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { RealEstateUnit } from './real-estate-unit.entity';

export const ENCUMBRANCE_KINDS = ['MORTGAGE', 'SEIZURE'] as const;
export type EncumbranceKind = (typeof ENCUMBRANCE_KINDS)[number];

/** A mortgage (抵押) or a court seizure (查封) registered against a unit. */
@Entity('real_estate_encumbrance')
export class RealEstateEncumbrance {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => RealEstateUnit, (u) => u.encumbrances, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id' })
  unit?: RealEstateUnit;

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

  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn!: string | null;

  @Column({ name: 'released_on', type: 'date', nullable: true })
  releasedOn!: string | null;
  /** Court seizures: place in the waiting list (1 = effective, n > 1 = 轮候 n); null for mortgages and older records. */
  @Column({ type: 'int', nullable: true })
  rank!: number | null;

  /** Seizures registered through the hub: the assistance request that registered it. */
  @Index('IDX_real_estate_encumbrance_request', { unique: true })
  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId!: string | null;
}
