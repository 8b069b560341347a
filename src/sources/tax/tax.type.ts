import { Field, ObjectType } from 'type-graphql';
import { enumOf } from '../../schema/enum-of';
import { LinkedPerson } from '../../schema/records.type';
import { Decimal, LocalDate } from '../../schema/scalars';
import { TAX_REFUND_KINDS, TAX_REFUND_STATUSES } from './entities/tax-refund.entity';
import { TAX_CREDIT_GRADES } from './entities/taxpayer.entity';

export const TaxCreditGrade = enumOf(TAX_CREDIT_GRADES, 'TaxCreditGrade', '纳税信用等级 A/B/M/C/D.');
export const TaxRefundKind = enumOf(TAX_REFUND_KINDS, 'TaxRefundKind');
export const TaxRefundStatus = enumOf(TAX_REFUND_STATUSES, 'TaxRefundStatus');

@ObjectType()
export class TaxFiling {
  @Field(() => String, { nullable: true }) period!: string;
  @Field(() => String, { nullable: true }) taxType!: string;
  @Field(() => Decimal, { nullable: true }) taxableAmount!: string;
  @Field(() => Decimal, { nullable: true }) taxPaid!: string;
  @Field(() => LocalDate, { nullable: true }) filedOn!: string;
}

@ObjectType({ description: 'Unpaid tax (欠税).' })
export class TaxArrear {
  @Field(() => String, { nullable: true }) taxType!: string;
  @Field(() => String, { nullable: true }) period!: string;
  @Field(() => Decimal, { nullable: true }) amount!: string;
  @Field(() => Decimal, { nullable: true }) lateFee!: string;
  @Field(() => LocalDate, { nullable: true }) since!: string;
}

@ObjectType({ description: 'A refund owed to the taxpayer, e.g. an export rebate (出口退税).' })
export class TaxRefund {
  @Field(() => TaxRefundKind, { nullable: true }) kind!: string;
  @Field(() => Decimal, { nullable: true }) amount!: string;
  @Field(() => TaxRefundStatus, { nullable: true }) status!: string;
  @Field(() => LocalDate, { nullable: true }) appliedOn!: string;
}

@ObjectType({ description: 'Tax records (纳税, 税务).' })
export class TaxRecord {
  @Field(() => Boolean, { nullable: true, description: 'Whether the tax authority knows the subject as a taxpayer.' }) registered!: boolean;
  @Field(() => String, { nullable: true }) taxAuthority!: string | null;
  @Field(() => TaxCreditGrade, { nullable: true }) creditGrade!: string | null;
  @Field(() => LinkedPerson, { nullable: true }) legalRepresentative!: LinkedPerson | null;
  @Field(() => [TaxFiling], { nullable: true }) filings!: TaxFiling[];
  @Field(() => [TaxArrear], { nullable: true }) arrears!: TaxArrear[];
  @Field(() => [TaxRefund], { nullable: true, description: 'Refunds not yet paid out: reachable assets.' }) refundsDue!: TaxRefund[];
  @Field(() => Decimal, { nullable: true }) totalArrears!: string;
}
