import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Unpaid tax (欠税). */
@Entity('tax_arrear')
export class TaxArrear {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'taxpayer_id_number', type: 'varchar', length: 18 })
  taxpayerIdNumber!: string;

  @Column({ name: 'tax_type', type: 'varchar', length: 20 })
  taxType!: string;

  @Column({ type: 'varchar', length: 7 })
  period!: string;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount!: string;

  @Column({ name: 'late_fee', type: 'numeric', precision: 18, scale: 2 })
  lateFee!: string;

  @Column({ name: 'since', type: 'date' })
  since!: string;
}
