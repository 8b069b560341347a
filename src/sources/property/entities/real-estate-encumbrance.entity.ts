import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { EncumbranceColumns } from '../../encumbrance-columns';
import { RealEstateUnit } from './real-estate-unit.entity';

/** A mortgage (抵押) or a court seizure (查封) registered against a unit. */
@Entity('real_estate_encumbrance')
export class RealEstateEncumbrance extends EncumbranceColumns {
  @Index()
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => RealEstateUnit, (u) => u.encumbrances, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'unit_id' })
  unit?: RealEstateUnit;

  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn!: string | null;

  /** Court seizures: place in the waiting list (1 = effective, n > 1 = 轮候 n); null for mortgages and older records. */
  @Column({ type: 'int', nullable: true })
  rank!: number | null;

  /** Seizures registered through the hub: the assistance request that registered it. */
  @Index('IDX_real_estate_encumbrance_request', { unique: true })
  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId!: string | null;
}
