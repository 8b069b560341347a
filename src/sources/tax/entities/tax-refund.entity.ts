import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const TAX_REFUND_KINDS = ['EXPORT_REBATE', 'OVERPAYMENT', 'VAT_CREDIT'] as const;
export const TAX_REFUND_STATUSES = ['PENDING', 'APPROVED', 'PAID'] as const;

/** A refund the tax authority owes the taxpayer, e.g. an export rebate (出口退税): an asset a court can reach. */
@Entity('tax_refund')
export class TaxRefund {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'taxpayer_id_number', type: 'varchar', length: 18 })
  taxpayerIdNumber!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: (typeof TAX_REFUND_KINDS)[number];

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: (typeof TAX_REFUND_STATUSES)[number];

  @Column({ name: 'applied_on', type: 'date' })
  appliedOn!: string;
}
