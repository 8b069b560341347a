import { Field, ObjectType } from 'type-graphql';
import { ENCUMBRANCE_KINDS } from '../sources/encumbrance-columns';
import { enumOf } from './enum-of';
import { Decimal, LocalDate } from './scalars';

export const EncumbranceKind = enumOf(ENCUMBRANCE_KINDS, 'EncumbranceKind', 'MORTGAGE (抵押) or SEIZURE (查封).');

// Types shared by several sources; each source's own types are in its folder (src/sources/<source>/<source>.type.ts).
// Every record field is nullable: a denied field becomes null without nulling its parent.

@ObjectType({ description: 'A mortgage or court seizure on real estate or a vehicle.' })
export class Encumbrance {
  @Field(() => EncumbranceKind, { nullable: true }) kind!: string;
  @Field(() => String, { nullable: true, description: 'Mortgagee or ordering court.' }) holder!: string;
  @Field(() => String, { nullable: true, description: 'Case that ordered a seizure.' }) caseNo!: string | null;
  @Field(() => Decimal, { nullable: true, description: 'Secured amount of a mortgage, yuan.' }) amount!: string | null;
  @Field(() => LocalDate, { nullable: true }) registeredOn!: string;
  @Field(() => LocalDate, { nullable: true }) expiresOn?: string | null;
  @Field(() => LocalDate, { nullable: true }) releasedOn!: string | null;
}

@ObjectType({ description: 'A natural person linked to an enterprise: its legal representative or an employee.' })
export class LinkedPerson {
  @Field(() => String, { nullable: true }) name!: string;
  @Field(() => String, { nullable: true }) idNumber!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) address!: string | null;
}

export const REFERENCE_VALUE_BASES = ['APPRAISAL', 'ONLINE_INQUIRY', 'TAX_ASSESSMENT', 'REGISTERED_CAPITAL_SHARE'] as const;
export type ReferenceValueBasis = (typeof REFERENCE_VALUE_BASES)[number];
export const ReferenceValueBasisEnum = enumOf(
  REFERENCE_VALUE_BASES,
  'ReferenceValueBasis',
  'What a reference value (参考价) rests on: APPRAISAL (评估), ONLINE_INQUIRY (网络询价), TAX_ASSESSMENT (计税价格), REGISTERED_CAPITAL_SHARE (equity: registered capital × share).',
);
