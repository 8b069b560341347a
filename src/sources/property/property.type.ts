import { Field, ObjectType } from 'type-graphql';
import { Encumbrance, ReferenceValueBasisEnum } from '../../schema/records.type';
import { Decimal, LocalDate } from '../../schema/scalars';

@ObjectType({ description: 'A registered real-estate right (不动产权), from the property registry.' })
export class RealEstate {
  @Field(() => String, { nullable: true, description: '不动产权证号' }) certificateNo!: string;
  @Field(() => String, { nullable: true, description: '不动产单元号' }) unitCode!: string;
  @Field(() => String, { nullable: true }) location!: string;
  @Field(() => String, { nullable: true }) use!: string;
  @Field(() => Decimal, { nullable: true, description: 'Square metres.' }) area!: string;
  @Field(() => LocalDate, { nullable: true }) registeredOn!: string;
  @Field(() => Decimal, { nullable: true, description: '参考价, yuan: what a seizure of it is weighed at.' }) referenceValue!: string | null;
  @Field(() => LocalDate, { nullable: true }) referenceValueOn!: string | null;
  @Field(() => ReferenceValueBasisEnum, { nullable: true }) referenceValueBasis!: string | null;
  @Field(() => [Encumbrance], { nullable: true }) encumbrances!: Encumbrance[];
}
