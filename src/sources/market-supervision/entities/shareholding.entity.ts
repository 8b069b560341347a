import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { ReferenceValueBasis } from '../../../schema/records.type';
import type { EnterpriseRegistration } from './enterprise-registration.entity';
import { EquityFreeze } from './equity-freeze.entity';

/**
 * A subject's equity (股权) in an enterprise. The asset is (holder, target credit code), unique here; `id` links its
 * freezes. The target's registration, when registered here, gives its registered capital.
 */
@Entity('shareholding')
@Index(['holderIdNumber', 'targetCreditCode'], { unique: true })
export class Shareholding {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ name: 'holder_id_number', type: 'varchar', length: 18 })
  holderIdNumber!: string;

  @Column({ name: 'holder_name', type: 'varchar', length: 200 })
  holderName!: string;

  @Index()
  @Column({ name: 'target_credit_code', type: 'varchar', length: 18 })
  targetCreditCode!: string;

  @Column({ name: 'target_name', type: 'varchar', length: 200 })
  targetName!: string;

  /** Per cent of the registered capital, e.g. 60.0000. */
  @Column({ name: 'share_percent', type: 'numeric', precision: 7, scale: 4 })
  sharePercent!: string;

  /** 认缴出资额, yuan. */
  @Column({ name: 'subscribed_capital', type: 'numeric', precision: 18, scale: 2 })
  subscribedCapital!: string;

  /** A better figure than capital × share, when one exists (an appraisal, an online price inquiry). */
  @Column({ name: 'appraised_value', type: 'numeric', precision: 18, scale: 2, nullable: true })
  appraisedValue!: string | null;

  @Column({ name: 'appraised_on', type: 'date', nullable: true })
  appraisedOn!: string | null;

  @Column({ name: 'appraisal_basis', type: 'varchar', length: 24, nullable: true })
  appraisalBasis!: ReferenceValueBasis | null;

  @OneToMany(() => EquityFreeze, (f) => f.shareholding)
  freezes?: EquityFreeze[];

  /** The registration of the enterprise held, when registered here (filled by the connector's read; not a column). */
  target?: EnterpriseRegistration[];
}
