import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation, type OrganisationKind } from './organisation.entity';

/**
 * The roles, each with the organisations its users belong to (DESIGN.md "Who uses it"). What a role may see and
 * do is decided by the access policy (auth/policy.ts), which denies a role everything no rule names.
 */
export const ROLE_ORGANISATIONS = {
  CLERK: ['COURT'],
  ADMINISTRATOR: ['ADMINISTRATOR_FIRM'],
  AUDITOR: ['PROCURATORATE', 'COURT'],
  ADMIN: ['OPERATOR'],
  APPROVER: ['COURT'],
  AGENCY: ['AGENCY'],
  /** The bankruptcy tribunal (破产审判庭) of a court: decides on transfers from execution (执转破). */
  JUDGE: ['COURT'],
} as const satisfies Record<string, readonly OrganisationKind[]>;
export type Role = keyof typeof ROLE_ORGANISATIONS;
export const ROLES = Object.keys(ROLE_ORGANISATIONS) as Role[];

@Entity('hub_user')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  username!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  @Index()
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => Organisation, { nullable: false })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
