import { Field, ID, Int, ObjectType } from 'type-graphql';
import { enumOf } from '../../schema/enum-of';
import { Decimal, LocalDate } from '../../schema/scalars';
import { ACCOUNT_STATUSES, ACCOUNT_TYPES } from './entities/bank-account.entity';

export const DepositAccountType = enumOf(ACCOUNT_TYPES, 'DepositAccountType', 'DEMAND (活期) or TIME (定期).');
export const DepositAccountStatus = enumOf(ACCOUNT_STATUSES, 'DepositAccountStatus');

@ObjectType({ description: 'A court freeze (冻结) of a bank account.' })
export class DepositFreeze {
  @Field(() => ID, { nullable: true, description: "The register's id of the freeze, as a deduction's freezeId names it." }) id!: string;
  @Field(() => String, { nullable: true }) court!: string;
  @Field(() => String, { nullable: true }) caseNo!: string;
  @Field(() => Decimal, { nullable: true, description: 'Yuan frozen.' }) amount!: string;
  @Field(() => Int, { nullable: true, description: '0: the first, effective freeze; n ≥ 1: 轮候 n (queued in that place).' }) rank!: number;
  @Field(() => LocalDate, { nullable: true }) frozenOn!: string;
  @Field(() => LocalDate, { nullable: true }) expiresOn!: string | null;
  @Field(() => LocalDate, { nullable: true }) releasedOn!: string | null;
}

@ObjectType({ description: 'A court deduction (扣划) from a bank account.' })
export class DepositDeduction {
  @Field(() => String, { nullable: true }) court!: string;
  @Field(() => String, { nullable: true }) caseNo!: string;
  @Field(() => Decimal, { nullable: true }) amount!: string;
  @Field(() => LocalDate, { nullable: true }) deductedOn!: string;
  @Field(() => ID, { nullable: true, description: "The register's id of the freeze the deduction draws on; null when the register names none." })
  freezeId!: string | null;
}

@ObjectType({ description: 'A bank account (存款) of the subject, from the bank deposit network. Its key is bankCode + accountNo.' })
export class DepositAccount {
  @Field(() => String, { nullable: true, description: 'Financial-institution code (金融机构编码).' }) bankCode!: string;
  @Field(() => String, { nullable: true, description: 'The branch keeping the account.' }) bankName!: string;
  @Field(() => String, { nullable: true }) accountNo!: string;
  @Field(() => DepositAccountType, { nullable: true }) type!: string;
  @Field(() => String, { nullable: true, description: 'ISO 4217, e.g. CNY.' }) currency!: string;
  @Field(() => Decimal, { nullable: true }) balance!: string;
  @Field(() => LocalDate, { nullable: true }) openedOn!: string;
  @Field(() => DepositAccountStatus, { nullable: true }) status!: string;
  @Field(() => [DepositFreeze], { nullable: true, description: 'Freezes, the effective one first.' }) freezes!: DepositFreeze[];
  @Field(() => [DepositDeduction], { nullable: true }) deductions!: DepositDeduction[];
}
