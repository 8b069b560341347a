import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../schema/connection.type';
import { ControlKindEnum as OrderKindEnum, ControlStateEnum as OrderStateEnum } from '../schema/control.type';
import { enumOf } from '../schema/enum-of';
import { Decimal, LocalDate } from '../schema/scalars';
import { SourceNameEnum } from '../schema/source-status.type';
import { STATISTICS_GROUPS } from './statistics.service';
import { SUPERVISION_KINDS } from './supervision-item';

export const SupervisionKindEnum = enumOf(
  SUPERVISION_KINDS,
  'SupervisionKind',
  'MEASURE_PAST_PERIOD (a measure in force past its legal period), OVER_SEIZURE (超标的查封 in the registers), ANSWER_OVERDUE (an agency has not answered a sent order within ASSISTANCE_ANSWER_DAYS), RELEASE_OVERDUE_AFTER_ACCEPTANCE (a release task past its due date after a bankruptcy acceptance, not released), ORDER_ON_SUSPENDED_CASE (a control order drafted, or still under way, while its execution case is suspended).',
);
export const StatisticsGroupByEnum = enumOf(STATISTICS_GROUPS, 'StatisticsGroupBy');

@InputType('SupervisionFilter')
export class SupervisionFilter {
  @Field(() => String, { nullable: true, description: 'A court code as in its case numbers (皖1524); a court’s own auditor sees only its court.' })
  court?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Items whose rule was broken on or after this day.' })
  from?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Items whose rule was broken on or before this day.' })
  to?: string | null;

  @Field(() => [SupervisionKindEnum], { nullable: true, description: 'Only these kinds (default: all).' })
  kinds?: string[] | null;
}

@ObjectType('SupervisionItem', { description: 'A measure or request that breaks a rule (seed 004 item 9), with the audit entries behind it.' })
export class SupervisionItemType {
  @Field(() => ID)
  id!: string;

  @Field(() => SupervisionKindEnum)
  kind!: string;

  @Field()
  caseNo!: string;

  @Field({ description: 'The court code in the case number.' })
  courtCode!: string;

  @Field(() => String, { nullable: true })
  courtName!: string | null;

  @Field(() => SourceNameEnum)
  source!: string;

  @Field({ description: 'REAL_ESTATE, VEHICLE, DEPOSIT, HOUSING_FUND or EQUITY.' })
  assetClass!: string;

  @Field(() => ID, { nullable: true, description: 'The hub’s control order behind the item, when there is one.' })
  orderId!: string | null;

  @Field(() => OrderKindEnum, { nullable: true })
  orderKind!: string | null;

  @Field(() => OrderStateEnum, { nullable: true })
  orderState!: string | null;

  @Field(() => String, { nullable: true, description: 'The agency’s registration number of the measure.' })
  registrationNo!: string | null;

  @Field(() => String, { nullable: true, description: 'PERSON or ENTERPRISE, when the hub knows the subject.' })
  subjectKind!: string | null;

  @Field(() => String, { nullable: true, description: 'Masked for auditors.' })
  subjectIdNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Masked for auditors.' })
  subjectName!: string | null;

  @Field(() => Decimal, { nullable: true, description: 'Frozen (else asked) amount of the measure, or the register’s amount.' })
  amount!: string | null;

  @Field(() => Decimal, { nullable: true, description: 'OVER_SEIZURE: the claim (amount due plus costs).' })
  claim!: string | null;

  @Field(() => Decimal, { nullable: true, description: 'OVER_SEIZURE: what the case’s measures registered before this one already secured.' })
  covered!: string | null;

  @Field(() => LocalDate, { nullable: true })
  startedOn!: string | null;

  @Field(() => LocalDate, { nullable: true })
  endsOn!: string | null;

  @Field(() => Int, { nullable: true, description: 'The legal maximum period of the asset class, days.' })
  legalMaxDays!: number | null;

  @Field(() => LocalDate, { description: 'The day the rule was first broken.' })
  since!: string;

  @Field(() => Int)
  daysOverdue!: number;

  @Field({ description: 'Filter the audit log by this case number (auditEntries(filter: { caseNo })) to find the reads and steps behind the item.' })
  auditCaseNo!: string;

  @Field(() => [String], {
    description: 'Sequence numbers of the audit entries naming the item’s order (its control steps and operations), newest first, at most 20.',
  })
  auditSeqs!: string[];
}

@ObjectType('SupervisionItemEdge')
export class SupervisionItemEdge {
  @Field()
  cursor!: string;

  @Field(() => SupervisionItemType)
  node!: SupervisionItemType;
}

@ObjectType('SupervisionItemConnection')
export class SupervisionItemConnection {
  @Field(() => [SupervisionItemEdge])
  edges!: SupervisionItemEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;

  @Field(() => [SourceNameEnum], { description: 'Registers that could not be read: their rows are missing from this answer.' })
  unavailableSources!: string[];
}

@ObjectType('OrderCount')
export class OrderCountType {
  @Field(() => OrderKindEnum)
  kind!: string;

  @Field(() => OrderStateEnum, { description: 'The order’s state now.' })
  outcome!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('StatisticsRow', { description: 'One court’s, agency’s or month’s counts. Counts only.' })
export class StatisticsRowType {
  @Field({ description: 'Court code, source name (orders, inquiries) or organisation code (list checks), or month (YYYY-MM).' })
  key!: string;

  @Field()
  label!: string;

  @Field(() => Int, { description: 'Requests that read at least one case party (audit log).' })
  inquiries!: number;

  @Field(() => Int, { description: 'Distinct case parties whose records were released (audit log).' })
  subjectsRead!: number;

  @Field(() => Int, { description: 'Control orders drafted in the period.' })
  orders!: number;

  @Field(() => [OrderCountType])
  ordersByKindAndOutcome!: OrderCountType[];

  @Field(() => Int, { description: 'Of those, sent to the agency.' })
  sent!: number;

  @Field(() => Int, { description: 'Sent orders the agency answered.' })
  receipts!: number;

  @Field(() => Int, { description: 'Answered within the answer deadline.' })
  receiptsWithinDeadline!: number;

  @Field(() => Int, { description: 'RELEASE orders sent.' })
  releases!: number;

  @Field(() => Int, { description: 'RELEASE orders answered within the answer deadline.' })
  releasesOnTime!: number;

  @Field(() => Int, {
    description: 'Dishonest-list checks made in the period (a single check or a batch each); by COURT only those a court made itself.',
  })
  listChecks!: number;

  @Field(() => Int, { description: 'Subjects of those checks found on the list of dishonest persons.' })
  listHits!: number;

  @Field(() => Int, { description: 'Of the subjects found on the list, the ones their agency reported INTERCEPTED (one outcome per subject).' })
  listInterceptions!: number;
}

@ObjectType('Statistics', { description: 'Counts for the joint meetings (seed 000 item 8, 001 三(五)).' })
export class StatisticsType {
  @Field(() => LocalDate)
  from!: string;

  @Field(() => LocalDate)
  to!: string;

  @Field(() => StatisticsGroupByEnum)
  groupBy!: string;

  @Field(() => Int, { description: 'The days an agency has to answer a sent order (ASSISTANCE_ANSWER_DAYS), as receiptsWithinDeadline counts them.' })
  answerDeadlineDays!: number;

  @Field(() => [StatisticsRowType])
  rows!: StatisticsRowType[];

  @Field({ description: 'The same rows as CSV (UTF-8, CRLF, a header row), for download.' })
  csv!: string;
}
