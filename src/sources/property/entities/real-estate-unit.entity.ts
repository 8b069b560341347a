import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { RealEstateEncumbrance } from './real-estate-encumbrance.entity';
import type { ReferenceValueBasis } from '../../../schema/records.type';

/** A registered real-estate right (不动产权) held by one owner. */
@Entity('real_estate_unit')
export class RealEstateUnit {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ name: 'certificate_no', type: 'varchar', length: 60 })
  certificateNo!: string;

  @Column({ name: 'unit_code', type: 'varchar', length: 28 })
  unitCode!: string;

  @Index()
  @Column({ name: 'owner_id_number', type: 'varchar', length: 18 })
  ownerIdNumber!: string;

  @Column({ name: 'owner_name', type: 'varchar', length: 200 })
  ownerName!: string;

  @Column({ type: 'varchar', length: 200 })
  location!: string;

  /** 住宅, 商业, 办公, 工业, 仓储, 耕地 … */
  @Column({ type: 'varchar', length: 20 })
  use!: string;

  /** Square metres. */
  @Column({ type: 'numeric', precision: 12, scale: 2 })
  area!: string;

  @Column({ name: 'registered_on', type: 'date' })
  registeredOn!: string;

  /** 参考价 in yuan, for weighing a seizure against the amount due; null until one is known. */
  @Column({ name: 'reference_value', type: 'numeric', precision: 18, scale: 2, nullable: true })
  referenceValue!: string | null;

  @Column({ name: 'reference_value_on', type: 'date', nullable: true })
  referenceValueOn!: string | null;

  @Column({ name: 'reference_value_basis', type: 'varchar', length: 24, nullable: true })
  referenceValueBasis!: ReferenceValueBasis | null;

  @OneToMany(() => RealEstateEncumbrance, (e) => e.unit)
  encumbrances?: RealEstateEncumbrance[];
}
