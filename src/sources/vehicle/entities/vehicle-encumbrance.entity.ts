import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { EncumbranceColumns } from '../../encumbrance-columns';
import { Vehicle } from './vehicle.entity';

/** A mortgage or a court seizure registered against a vehicle at the vehicle administration (车管所). */
@Entity('vehicle_encumbrance')
export class VehicleEncumbrance extends EncumbranceColumns {
  @Index()
  @Column({ name: 'vehicle_id', type: 'uuid' })
  vehicleId!: string;

  @ManyToOne(() => Vehicle, (v) => v.encumbrances, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vehicle_id' })
  vehicle?: Vehicle;
}
