import { Column, Entity, PrimaryColumn } from 'typeorm';

export const REGISTRATION_STATUSES = ['EXISTING', 'REVOKED', 'CANCELLED'] as const;

/** An enterprise's registration (企业登记), keyed by its unified social credit code. */
@Entity('enterprise_registration')
export class EnterpriseRegistration {
  @PrimaryColumn({ name: 'credit_code', type: 'varchar', length: 18 })
  creditCode!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** EXISTING (存续), REVOKED (吊销), CANCELLED (注销). */
  @Column({ type: 'varchar', length: 10 })
  status!: (typeof REGISTRATION_STATUSES)[number];

  /** 注册住所: the service address of an enterprise (seed 003 item 24). */
  @Column({ name: 'registered_address', type: 'varchar', length: 200 })
  registeredAddress!: string;

  @Column({ name: 'legal_representative_name', type: 'varchar', length: 100 })
  legalRepresentativeName!: string;

  @Column({ name: 'legal_representative_id_number', type: 'varchar', length: 18 })
  legalRepresentativeIdNumber!: string;

  /** Yuan. */
  @Column({ name: 'registered_capital', type: 'numeric', precision: 18, scale: 2 })
  registeredCapital!: string;

  @Column({ name: 'established_on', type: 'date' })
  establishedOn!: string;

  @Column({ name: 'business_scope', type: 'text' })
  businessScope!: string;

  @Column({ name: 'registration_authority', type: 'varchar', length: 100 })
  registrationAuthority!: string;
}
