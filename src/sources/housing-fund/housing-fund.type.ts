import { Field, Int, ObjectType } from 'type-graphql';
import { enumOf } from '../../schema/enum-of';
import { Decimal, LocalDate } from '../../schema/scalars';
import { FUND_ACCOUNT_STATUSES } from './entities/fund-account.entity';

export const HousingFundStatus = enumOf(FUND_ACCOUNT_STATUSES, 'HousingFundStatus', 'NORMAL (正常), SEALED (封存), CLOSED (销户).');

@ObjectType({ description: 'The employer paying into a person’s fund account.' })
export class FundEmployer {
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true, description: 'Unified social credit code.' }) creditCode!: string | null;
}

@ObjectType({ description: 'A court freeze (冻结) of a housing-fund account.' })
export class FundFreeze {
  @Field(() => String, { nullable: true }) court!: string;
  @Field(() => String, { nullable: true }) caseNo!: string;
  @Field(() => Decimal, { nullable: true }) amount!: string;
  @Field(() => Int, { nullable: true, description: '0: the first, effective freeze; n ≥ 1: 轮候 n.' }) rank!: number;
  @Field(() => LocalDate, { nullable: true }) frozenOn!: string;
  @Field(() => LocalDate, { nullable: true }) expiresOn!: string | null;
  @Field(() => LocalDate, { nullable: true }) releasedOn!: string | null;
}

@ObjectType({ description: 'Housing provident fund (公积金): a person’s account, or an enterprise’s unit account. Keyed by accountNo.' })
export class HousingFund {
  @Field(() => Boolean, { nullable: true }) registered!: boolean;
  @Field(() => String, { nullable: true }) accountNo!: string | null;
  @Field(() => HousingFundStatus, { nullable: true }) status!: string | null;
  @Field(() => Decimal, { nullable: true, description: 'Yuan per month: a person’s both shares, or all an employer pays in.' }) monthlyContribution!:
    string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM.' }) lastContributionMonth!: string | null;
  @Field(() => FundEmployer, { nullable: true, description: 'Persons.' }) employer!: FundEmployer | null;
  @Field(() => Decimal, { nullable: true, description: 'Persons.' }) balance!: string | null;
  @Field(() => [FundFreeze], { nullable: true, description: 'Persons: freezes, the effective one first.' }) freezes!: FundFreeze[] | null;
  @Field(() => Int, { nullable: true, description: 'Enterprises.' }) contributingEmployees!: number | null;
  @Field(() => Decimal, { nullable: true, description: 'Enterprises: unpaid contributions (欠缴), yuan.' }) arrearsAmount!: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'Enterprises.' }) arrearsSince!: string | null;
}
