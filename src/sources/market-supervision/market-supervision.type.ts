import { Field, Int, ObjectType } from 'type-graphql';
import { enumOf } from '../../schema/enum-of';
import { LinkedPerson, ReferenceValueBasisEnum } from '../../schema/records.type';
import { Decimal, LocalDate } from '../../schema/scalars';
import { REGISTRATION_STATUSES } from './entities/enterprise-registration.entity';

export const RegistrationStatus = enumOf(REGISTRATION_STATUSES, 'RegistrationStatus', 'EXISTING (存续), REVOKED (吊销), CANCELLED (注销).');

@ObjectType({ description: 'An enterprise’s registration (市场监管).' })
export class MarketRegistration {
  @Field(() => String, { nullable: true }) name!: string;
  @Field(() => RegistrationStatus, { nullable: true }) status!: string;
  @Field(() => String, { nullable: true, description: '注册住所: the service address (seed 003 item 24).' }) registeredAddress!: string;
  @Field(() => LinkedPerson, { nullable: true }) legalRepresentative!: LinkedPerson | null;
  @Field(() => Decimal, { nullable: true, description: 'Yuan.' }) registeredCapital!: string;
  @Field(() => LocalDate, { nullable: true }) establishedOn!: string;
  @Field(() => String, { nullable: true }) businessScope!: string;
  @Field(() => String, { nullable: true }) registrationAuthority!: string;
}

@ObjectType({ description: 'A court freeze of equity (股权冻结).' })
export class EquityFreeze {
  @Field(() => String, { nullable: true }) court!: string;
  @Field(() => String, { nullable: true }) caseNo!: string;
  @Field(() => Int, { nullable: true, description: '0: the first, effective freeze; n ≥ 1: 轮候 n.' }) rank!: number;
  @Field(() => LocalDate, { nullable: true }) frozenOn!: string;
  @Field(() => LocalDate, { nullable: true }) expiresOn!: string | null;
  @Field(() => LocalDate, { nullable: true }) releasedOn!: string | null;
}

@ObjectType('Shareholding', { description: 'Equity (股权) the subject holds in an enterprise. Keyed by the holder and targetCreditCode.' })
export class ShareholdingType {
  @Field(() => String, { nullable: true }) targetName!: string;
  @Field(() => String, { nullable: true, description: 'Unified social credit code of the enterprise held.' }) targetCreditCode!: string;
  @Field(() => Decimal, { nullable: true, description: 'Per cent of the registered capital.' }) sharePercent!: string;
  @Field(() => Decimal, { nullable: true, description: '认缴出资额, yuan.' }) subscribedCapital!: string;
  @Field(() => Decimal, { nullable: true, description: '参考价, yuan: an appraisal if there is one, else registered capital × share.' })
  referenceValue!: string | null;
  @Field(() => ReferenceValueBasisEnum, { nullable: true }) referenceValueBasis!: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'Date of the appraisal; none for capital × share.' }) referenceValueOn!: string | null;
  @Field(() => [EquityFreeze], { nullable: true, description: 'Freezes, the effective one first.' }) freezes!: EquityFreeze[];
}
