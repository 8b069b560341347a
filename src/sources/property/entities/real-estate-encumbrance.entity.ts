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
}
