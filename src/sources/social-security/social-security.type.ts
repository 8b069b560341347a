import { Field, Int, ObjectType } from 'type-graphql';
import { enumOf } from '../../schema/enum-of';
import type { LinkedPerson } from '../../schema/records.type';
import { Decimal, LocalDate } from '../../schema/scalars';
import { INSURANCE_TYPES, INSURED_STATUSES } from './entities/insured-person.entity';

export const InsuredStatus = enumOf(INSURED_STATUSES, 'InsuredStatus');
export const InsuranceType = enumOf(INSURANCE_TYPES, 'InsuranceType');

@ObjectType({ description: 'The employer of an insured person.' })
export class Employer {
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true, description: 'Unified social credit code.' }) idNumber!: string | null;
}

@ObjectType({ description: 'Medical insurance details (health data).' })
export class MedicalInsurance {
  @Field(() => String, { nullable: true }) plan!: string | null;
  @Field(() => Decimal, { nullable: true }) accountBalance!: string | null;
  @Field(() => String, { nullable: true }) designatedHospital!: string | null;
}

@ObjectType({ description: 'Social-security records (社保, 人社): persons and enterprises.' })
export class SocialSecurity {
  @Field(() => Boolean, { nullable: true }) registered!: boolean;
  @Field(() => InsuredStatus, { nullable: true, description: 'Persons.' }) insuredStatus!: string | null;
  @Field(() => Employer, { nullable: true, description: 'Persons: the employer, for wage garnishment.' }) employer!: Employer | null;
  @Field(() => Decimal, { nullable: true, description: 'Persons: monthly contribution base, yuan.' }) contributionBase!: string | null;
  @Field(() => [InsuranceType], { nullable: true }) insuranceTypes!: string[] | null;
  @Field(() => MedicalInsurance, { nullable: true }) medical!: MedicalInsurance | null;
  @Field(() => Int, { nullable: true, description: 'Enterprises.' }) insuredEmployeeCount!: number | null;
  @Field(() => Decimal, { nullable: true, description: 'Enterprises: unpaid contributions (欠缴), yuan.' }) arrearsAmount!: string | null;
  @Field(() => LocalDate, { nullable: true }) arrearsSince!: string | null;
  /** Resolved by SocialSecurityResolver. */
  employees?: LinkedPerson[];
}
