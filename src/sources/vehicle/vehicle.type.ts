import { Field, ObjectType } from 'type-graphql';
import { enumOf } from '../../schema/enum-of';
import { Encumbrance } from '../../schema/records.type';
import { LocalDate } from '../../schema/scalars';
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
  @Field(() => [Encumbrance], { nullable: true }) encumbrances!: Encumbrance[];
}
