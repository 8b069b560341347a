import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { enumOf } from '../schema/enum-of';
import { LocalDate } from '../schema/scalars';
import { SubjectKindEnum } from '../schema/subject.type';
import { CHECK_PURPOSES } from './check-purposes';

export const CheckPurposeEnum = enumOf(
  CHECK_PURPOSES,
  'CheckPurpose',
  'What an agency checks the dishonest-debtor list for; each purpose has its restrictions (`checkPurposes`).',
);
export const CheckOutcomeEnum = enumOf(['INTERCEPTED', 'ALLOWED'] as const, 'CheckOutcome', 'What the agency did about a subject of its check.');
export const CheckBatchStateEnum = enumOf(['QUEUED', 'RUNNING', 'DONE'] as const, 'CheckBatchState');

@ObjectType('CheckRestriction', { description: 'A measure of the joint punishment memorandum that applies to a purpose, with its basis.' })
export class CheckRestrictionType {
  @Field()
  code!: string;

  @Field()
  measure!: string;

  @Field()
  basis!: string;

  @Field()
  reason!: string;
}

@ObjectType('CheckPurposeDefinition', { description: 'A purpose with the restrictions a listed subject faces for it.' })
export class CheckPurposeDefinitionType {
  @Field(() => CheckPurposeEnum)
  purpose!: string;

  @Field()
  label!: string;

  @Field(() => [CheckRestrictionType])
  restrictions!: CheckRestrictionType[];

  @Field({ description: "Whether the viewer's organisation has declared this purpose (always false for roles that do not check)." })
  declared!: boolean;
}

@ObjectType('DishonestListEntry', { description: 'A current entry on the dishonest-debtor list: the court, its case number and the listing date.' })
export class DishonestListEntryType {
  @Field()
  court!: string;

  @Field()
  caseNo!: string;

  @Field(() => LocalDate)
  listedOn!: string;
}

@ObjectType('DishonestCheckResult', {
  description: 'One subject of a check: on the list or not; on a hit, the entries and the restrictions for the purpose.',
})
export class DishonestCheckResultType {
  @Field({ description: 'The ID as checked (normalised).' })
  idNumber!: string;

  @Field(() => SubjectKindEnum)
  kind!: string;

  @Field()
  hit!: boolean;

  @Field(() => [DishonestListEntryType])
  entries!: DishonestListEntryType[];

  @Field(() => [CheckRestrictionType])
  restrictions!: CheckRestrictionType[];
}

@ObjectType('DishonestCheck', { description: 'A check of up to 100 subjects, for one declared purpose and application.' })
export class DishonestCheckType {
  @Field(() => ID)
  checkId!: string;

  @Field(() => CheckPurposeEnum)
  purpose!: string;

  @Field()
  applicationNo!: string;

  @Field(() => Date)
  checkedAt!: Date;

  @Field(() => [DishonestCheckResultType])
  results!: DishonestCheckResultType[];
}

@ObjectType('DishonestCheckOutcome', { description: 'What the agency reported it did about a subject of its check.' })
export class DishonestCheckOutcomeType {
  @Field(() => ID)
  checkId!: string;

  @Field({ description: 'The subject the outcome is for: its ID as checked (normalised).' })
  subjectId!: string;

  @Field(() => CheckOutcomeEnum)
  outcome!: string;

  @Field()
  reason!: string;

  @Field(() => Date)
  reportedAt!: Date;
}

@ObjectType('DishonestCheckBatch', { description: 'A batch check (CSV upload): its progress; the result is a CSV download.' })
export class DishonestCheckBatchType {
  @Field(() => ID)
  id!: string;

  @Field(() => CheckBatchStateEnum)
  state!: string;

  @Field(() => CheckPurposeEnum)
  purpose!: string;

  @Field()
  applicationNo!: string;

  @Field(() => Int, { description: 'Lines of the file (the header not counted).' })
  total!: number;

  @Field(() => Int, { description: 'Lines done: checked, or reported as errors.' })
  done!: number;

  @Field(() => Int)
  hits!: number;

  @Field(() => Int, { description: 'Lines that could not be checked (check digit, column count, duplicate …), each named in the result.' })
  errors!: number;

  @Field(() => Date)
  createdAt!: Date;

  @Field({ description: 'Where the result is downloaded (GET, same bearer token), once DONE.' })
  resultUrl!: string;
}

@ObjectType('OrganisationPurposes', { description: 'The purposes an organisation has declared for its list checks.' })
export class OrganisationPurposesType {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => [CheckPurposeEnum])
  purposes!: string[];
}

@InputType('CheckDishonestInput')
export class CheckDishonestInput {
  @Field(() => [String], { description: '1 to 100 resident IDs or unified social credit codes, check digits verified, none repeated.' })
  subjects!: string[];

  @Field(() => CheckPurposeEnum)
  purpose!: string;

  @Field({ description: "The agency's own application or case number (1–64 characters)." })
  applicationNo!: string;
}
