import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const ORGANISATION_KINDS = ['COURT', 'ADMINISTRATOR_FIRM', 'PROCURATORATE', 'OPERATOR', 'AGENCY'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

@Entity('organisation')
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stable external code, e.g. the court code `皖1524` or a firm's registration number. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: OrganisationKind;

  /** Agencies: the source (registry name, e.g. `property`) whose requests they answer. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  source!: string | null;

  /** The purposes its users may check the dishonest-debtor list for (src/checks/check-purposes.ts). */
  @Column({ name: 'declared_purposes', type: 'varchar', length: 32, array: true, default: () => "'{}'" })
  declaredPurposes!: string[];

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
