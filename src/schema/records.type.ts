import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ENCUMBRANCE_KINDS } from '../entities/property/real-estate-encumbrance.entity';
import { VEHICLE_STATUSES } from '../entities/vehicle/vehicle.entity';
import { TAX_CREDIT_GRADES } from '../entities/tax/taxpayer.entity';
import { TAX_REFUND_KINDS, TAX_REFUND_STATUSES } from '../entities/tax/tax-refund.entity';
import { INSURANCE_TYPES, INSURED_STATUSES } from '../entities/social-security/insured-person.entity';
import { Decimal, LocalDate } from './scalars';

const enumOf = <T extends readonly string[]>(values: T, name: string, description?: string) => {
  const e = Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };
  registerEnumType(e, { name, description });
  return e;
};
export const EncumbranceKind = enumOf(ENCUMBRANCE_KINDS, 'EncumbranceKind', 'MORTGAGE (抵押) or SEIZURE (查封).');
export const VehicleStatus = enumOf(VEHICLE_STATUSES, 'VehicleStatus');
export const TaxCreditGrade = enumOf(TAX_CREDIT_GRADES, 'TaxCreditGrade', '纳税信用等级 A/B/M/C/D.');
export const TaxRefundKind = enumOf(TAX_REFUND_KINDS, 'TaxRefundKind');
export const TaxRefundStatus = enumOf(TAX_REFUND_STATUSES, 'TaxRefundStatus');
export const InsuredStatus = enumOf(INSURED_STATUSES, 'InsuredStatus');
export const InsuranceType = enumOf(INSURANCE_TYPES, 'InsuranceType');

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

@ObjectType({ description: 'A registered real-estate right (不动产权), from the property registry.' })
export class RealEstate {
  @Field(() => String, { nullable: true, description: '不动产权证号' }) certificateNo!: string;
  @Field(() => String, { nullable: true, description: '不动产单元号' }) unitCode!: string;
  @Field(() => String, { nullable: true }) location!: string;
  @Field(() => String, { nullable: true }) use!: string;
  @Field(() => Decimal, { nullable: true, description: 'Square metres.' }) area!: string;
  @Field(() => LocalDate, { nullable: true }) registeredOn!: string;
  @Field(() => [Encumbrance], { nullable: true }) encumbrances!: Encumbrance[];
}

@ObjectType({ description: 'A motor vehicle, from the vehicle administration (公安车管).' })
export class Vehicle {
  @Field(() => String, { nullable: true }) plate!: string;
  @Field(() => String, { nullable: true }) vin!: string;
  @Field(() => String, { nullable: true }) make!: string;
  @Field(() => String, { nullable: true }) model!: string;
  @Field(() => LocalDate, { nullable: true }) registeredOn!: string;
  @Field(() => VehicleStatus, { nullable: true }) status!: string;
  @Field(() => [Encumbrance], { nullable: true }) encumbrances!: Encumbrance[];
}

@ObjectType({ description: 'A natural person linked to an enterprise: its legal representative or an employee.' })
export class LinkedPerson {
  @Field(() => String, { nullable: true }) name!: string;
  @Field(() => String, { nullable: true }) idNumber!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) address!: string | null;
}

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

@ObjectType({ description: 'An entry on the list of dishonest judgment debtors (失信被执行人).' })
export class DishonestEntry {
  @Field(() => String, { nullable: true }) court!: string;
  @Field(() => String, { nullable: true }) caseNo!: string;
  @Field(() => String, { nullable: true }) obligation!: string;
  @Field(() => String, { nullable: true }) circumstance!: string;
  @Field(() => LocalDate, { nullable: true }) listedOn!: string;
  @Field(() => LocalDate, { nullable: true }) removedOn!: string | null;
}

@ObjectType({ description: 'A high-consumption restriction order (限制消费令).' })
export class ConsumptionRestriction {
  @Field(() => String, { nullable: true }) court!: string;
  @Field(() => String, { nullable: true }) caseNo!: string;
  @Field(() => LocalDate, { nullable: true }) issuedOn!: string;
  @Field(() => LocalDate, { nullable: true }) liftedOn!: string | null;
}

@ObjectType()
export class AdministrativePenalty {
  @Field(() => String, { nullable: true }) authority!: string;
  @Field(() => String, { nullable: true }) decisionNo!: string;
  @Field(() => String, { nullable: true }) reason!: string;
  @Field(() => Decimal, { nullable: true }) fine!: string | null;
  @Field(() => LocalDate, { nullable: true }) decidedOn!: string;
}

@ObjectType({ description: 'Credit repair after an approved reorganisation plan.' })
export class CreditRepair {
  @Field(() => String, { nullable: true }) basisCaseNo!: string;
  @Field(() => String, { nullable: true }) authority!: string;
  @Field(() => String, { nullable: true }) description!: string;
  @Field(() => LocalDate, { nullable: true }) repairedOn!: string;
}

@ObjectType({ description: 'Credit records (信用).' })
export class CreditRecord {
  @Field(() => Boolean, { nullable: true, description: 'On the dishonest-debtor list now.' }) dishonest!: boolean;
  @Field(() => [DishonestEntry], { nullable: true }) dishonestEntries!: DishonestEntry[];
  @Field(() => [ConsumptionRestriction], { nullable: true }) consumptionRestrictions!: ConsumptionRestriction[];
  @Field(() => [AdministrativePenalty], { nullable: true }) administrativePenalties!: AdministrativePenalty[];
  @Field(() => [CreditRepair], { nullable: true }) creditRepairs!: CreditRepair[];
}
