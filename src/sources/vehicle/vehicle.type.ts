import { Field, ObjectType } from 'type-graphql';
import { enumOf } from '../../schema/enum-of';
import { Encumbrance, ReferenceValueBasisEnum } from '../../schema/records.type';
import { Decimal, LocalDate } from '../../schema/scalars';
import { VEHICLE_STATUSES } from './entities/vehicle.entity';

export const VehicleStatus = enumOf(VEHICLE_STATUSES, 'VehicleStatus');

@ObjectType('Vehicle', { description: 'A motor vehicle, from the vehicle administration (公安车管).' })
export class VehicleType {
  @Field(() => String, { nullable: true }) plate!: string;
  @Field(() => String, { nullable: true }) vin!: string;
  @Field(() => String, { nullable: true }) make!: string;
  @Field(() => String, { nullable: true }) model!: string;
  @Field(() => LocalDate, { nullable: true }) registeredOn!: string;
  @Field(() => VehicleStatus, { nullable: true }) status!: string;
  @Field(() => Decimal, { nullable: true, description: '参考价, yuan: what a seizure of it is weighed at.' }) referenceValue!: string | null;
  @Field(() => LocalDate, { nullable: true }) referenceValueOn!: string | null;
  @Field(() => ReferenceValueBasisEnum, { nullable: true }) referenceValueBasis!: string | null;
  @Field(() => [Encumbrance], { nullable: true }) encumbrances!: Encumbrance[];
}
