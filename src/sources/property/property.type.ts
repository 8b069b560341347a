import { Field, ObjectType } from 'type-graphql';
import { Encumbrance } from '../../schema/records.type';
import { Decimal, LocalDate } from '../../schema/scalars';

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
