import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('tax_filing')
@Index(['taxpayerIdNumber', 'period'])
export class TaxFiling {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'taxpayer_id_number', type: 'varchar', length: 18 })
  taxpayerIdNumber!: string;

  /** YYYY-MM (monthly) or YYYY (annual). */
  @Column({ type: 'varchar', length: 7 })
  period!: string;

  /** 增值税, 企业所得税, 个人所得税, 房产税 … */
  @Column({ name: 'tax_type', type: 'varchar', length: 20 })
  taxType!: string;

  @Column({ name: 'taxable_amount', type: 'numeric', precision: 18, scale: 2 })
  taxableAmount!: string;

  @Column({ name: 'tax_paid', type: 'numeric', precision: 18, scale: 2 })
  taxPaid!: string;

  @Column({ name: 'filed_on', type: 'date' })
  filedOn!: string;
}
