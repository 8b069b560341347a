import { Column, Entity, PrimaryColumn } from 'typeorm';

export const TAX_CREDIT_GRADES = ['A', 'B', 'M', 'C', 'D'] as const;
export type TaxCreditGrade = (typeof TAX_CREDIT_GRADES)[number];

@Entity('taxpayer')
export class Taxpayer {
  /** Resident ID or unified social credit code. */
  @PrimaryColumn({ name: 'id_number', type: 'varchar', length: 18 })
  idNumber!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: 'PERSON' | 'ENTERPRISE';

  @Column({ name: 'tax_authority', type: 'varchar', length: 100 })
  taxAuthority!: string;

  /** Enterprises only (纳税信用等级). */
  @Column({ name: 'credit_grade', type: 'varchar', length: 1, nullable: true })
  creditGrade!: TaxCreditGrade | null;

  @Column({ name: 'legal_representative_name', type: 'varchar', length: 100, nullable: true })
  legalRepresentativeName!: string | null;

  @Column({ name: 'legal_representative_id_number', type: 'varchar', length: 18, nullable: true })
  legalRepresentativeIdNumber!: string | null;

  @Column({ name: 'registered_on', type: 'date' })
  registeredOn!: string;
}
