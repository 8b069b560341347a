import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SubjectKind } from '../../ids/subject-id';

/** A person or enterprise named as a party of a case; the hub keeps only identity, never records. */
@Entity('subject')
export class Subject {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: SubjectKind;

  /** Resident ID (persons) or unified social credit code (enterprises). */
  @Index({ unique: true })
  @Column({ name: 'id_number', type: 'varchar', length: 18 })
  idNumber!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;
}
