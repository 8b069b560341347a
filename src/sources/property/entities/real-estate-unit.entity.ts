import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { RealEstateEncumbrance } from './real-estate-encumbrance.entity';

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

  @OneToMany(() => RealEstateEncumbrance, (e) => e.unit)
  encumbrances?: RealEstateEncumbrance[];
}
