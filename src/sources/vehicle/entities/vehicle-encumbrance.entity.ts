import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { EncumbranceKind } from '../../property/entities/real-estate-encumbrance.entity';
import { Vehicle } from './vehicle.entity';

/** A mortgage or a court seizure registered against a vehicle at the vehicle administration (车管所). */
@Entity('vehicle_encumbrance')
export class VehicleEncumbrance {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'vehicle_id', type: 'uuid' })
  vehicleId!: string;

  @ManyToOne(() => Vehicle, (v) => v.encumbrances, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'vehicle_id' })
  vehicle?: Vehicle;

  @Column({ type: 'varchar', length: 16 })
  kind!: EncumbranceKind;

  @Column({ type: 'varchar', length: 200 })
  holder!: string;

  @Column({ name: 'case_no', type: 'varchar', length: 40, nullable: true })
  caseNo!: string | null;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  amount!: string | null;

  @Column({ name: 'registered_on', type: 'date' })
  registeredOn!: string;

  @Column({ name: 'released_on', type: 'date', nullable: true })
  releasedOn!: string | null;

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
