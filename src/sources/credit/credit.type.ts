import { Field, ObjectType } from 'type-graphql';
import { Decimal, LocalDate } from '../../schema/scalars';

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
