import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { VehicleEncumbrance } from './vehicle-encumbrance.entity';
import type { ReferenceValueBasis } from '../../../schema/records.type';

export const VEHICLE_STATUSES = ['NORMAL', 'SEIZED', 'MORTGAGED', 'SCRAPPED'] as const;
export type VehicleStatus = (typeof VEHICLE_STATUSES)[number];

@Entity('vehicle')
export class Vehicle {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 16 })
  plate!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 17 })
  vin!: string;

  @Column({ type: 'varchar', length: 60 })
  make!: string;

  @Column({ type: 'varchar', length: 60 })
  model!: string;

  @Index()
  @Column({ name: 'owner_id_number', type: 'varchar', length: 18 })
  ownerIdNumber!: string;

  @Column({ name: 'owner_name', type: 'varchar', length: 200 })
  ownerName!: string;

  @Column({ name: 'registered_on', type: 'date' })
  registeredOn!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: VehicleStatus;

  /** 参考价 in yuan, for weighing a seizure against the amount due; null until one is known. */
  @Column({ name: 'reference_value', type: 'numeric', precision: 18, scale: 2, nullable: true })
  referenceValue!: string | null;

  @Column({ name: 'reference_value_on', type: 'date', nullable: true })
  referenceValueOn!: string | null;

  @Column({ name: 'reference_value_basis', type: 'varchar', length: 24, nullable: true })
  referenceValueBasis!: ReferenceValueBasis | null;

  @OneToMany(() => VehicleEncumbrance, (e) => e.vehicle)
  encumbrances?: VehicleEncumbrance[];
}
