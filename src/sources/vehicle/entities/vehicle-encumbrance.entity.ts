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

  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn!: string | null;

  /** Court seizures: place in the waiting list (1 = effective, n > 1 = 轮候 n); null for mortgages and older records. */
  @Column({ type: 'int', nullable: true })
  rank!: number | null;

  /** Seizures registered through the hub: the assistance request that registered it. */
  @Index('IDX_vehicle_encumbrance_request', { unique: true })
  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId!: string | null;
}
