import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CONTROL_STATES } from '../control/control-orders';
import { CONTROL_KINDS } from '../control/source-control';
import { Connection } from './connection.type';
import { enumOf } from './enum-of';
import { Decimal, LocalDate } from './scalars';
import { SourceNameEnum } from './source-status.type';

export const ControlKindEnum = enumOf(
  CONTROL_KINDS,
  'ControlKind',
  'SEIZE (查封), FREEZE (冻结), DEDUCT (扣划); RENEW (续行) and RELEASE (解除) follow an order.',
);
export const MeasureKindEnum = enumOf(['SEIZE', 'FREEZE', 'DEDUCT'] as const, 'MeasureKind');
export const ControlStateEnum = enumOf(CONTROL_STATES, 'ControlState');
export const InboxStateEnum = enumOf(['PENDING', 'ANSWERED'] as const, 'AssistanceRequestState');
export const ReceiptDecisionEnum = enumOf(['ACCEPTED', 'REJECTED'] as const, 'ReceiptDecision');

@ObjectType('ControlOrderEvent', { description: 'One step of a control order: who did what, when.' })
export class ControlOrderEventType {
  @Field(() => Date)
  at!: Date;

  @Field(() => String, { nullable: true, description: 'Username, `agency:<source>` or `system:control-worker`.' })
  actor!: string | null;

  @Field(() => String, { nullable: true })
  organisationCode!: string | null;

  @Field()
  action!: string;

  @Field(() => ControlStateEnum)
  state!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

/**
 * What a control order asks of its agency, as the court (ControlOrder) and the agency (AssistanceRequest) both see it.
 * No field returns it, so the schema has no type of its own for it: each of the two types carries these fields.
 */
@ObjectType()
abstract class ControlRequestFields {
  @Field(() => ID)
  id!: string;

  @Field()
  caseNo!: string;

  @Field(() => ControlKindEnum)
  kind!: string;

  @Field()
  subjectName!: string;

  @Field()
  subjectIdNumber!: string;

  @Field(() => Decimal, { nullable: true })
  amount!: string | null;

  @Field(() => Int, { nullable: true })
  periodDays!: number | null;

  @Field()
  rulingNo!: string;

  @Field()
  noticeNo!: string;
}

@ObjectType('ControlOrder', { description: 'A request to an agency to seize, freeze, deduct, renew or release an asset (协助执行).' })
export class ControlOrderType extends ControlRequestFields {
  caseId!: string;
  draftedBy!: string;
  courtId!: string;
  answeredAt!: Date | null;

  @Field(() => ControlStateEnum)
  state!: string;

  @Field(() => SourceNameEnum)
  source!: string;

  @Field()
  assetClass!: string;

  @Field({ description: "The asset's key in its source (unit code, VIN, bank + account no. …)." })
  assetKey!: string;

  @Field(() => LocalDate)
  rulingDate!: string;

  @Field(() => LocalDate)
  noticeDate!: string;

  @Field(() => ID, { nullable: true, description: 'Renewals and releases: the order they follow.' })
  parentId!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Deductions: the freeze order they draw on (the FREEZE that registered the freeze, not a renewal of it).',
  })
  freezeOrderId!: string | null;

  @Field(() => Int, { nullable: true, description: '1 = in force; n > 1 = waiting (轮候) in place n.' })
  rank!: number | null;

  @Field(() => String, { nullable: true })
  registrationNo!: string | null;

  @Field(() => LocalDate, { nullable: true })
  registeredFrom!: string | null;

  @Field(() => LocalDate, { nullable: true })
  registeredUntil!: string | null;

  @Field(() => Decimal, {
    nullable: true,
    description:
      'Freezes: the amount actually frozen (a balance may be lower than asked; rechecked when a waiting freeze becomes first). ' +
      'Deductions: the amount deducted.',
  })
  amountFrozen!: string | null;

  @Field(() => String, { nullable: true })
  rejectionReason!: string | null;

  @Field(() => String, { description: 'Username of the clerk who drafted it.' })
  draftedByUsername!: string;

  @Field(() => Date, { nullable: true, description: 'When the approval sent it to its agency; its answer falls due from then.' })
  sentAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it reached the agency inbox; null while delivery is pending.' })
  deliveredAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;
}

export const ControlOrderConnection = Connection(ControlOrderType, 'ControlOrder');

/** The legal basis every order and follow-up carries: its ruling (裁定书) and assistance notice (协助执行通知书). */
@InputType()
abstract class LegalBasisInput {
  @Field()
  rulingNo!: string;

  @Field(() => LocalDate)
  rulingDate!: string;

  @Field()
  noticeNo!: string;

  @Field(() => LocalDate)
  noticeDate!: string;
}

@InputType('DraftControlOrderInput')
export class DraftControlOrderInput extends LegalBasisInput {
  @Field()
  caseNo!: string;

  @Field(() => MeasureKindEnum)
  kind!: 'SEIZE' | 'FREEZE' | 'DEDUCT';

  @Field({ description: 'Resident ID or credit code of a respondent of the case.' })
  subjectIdNumber!: string;

  @Field(() => SourceNameEnum)
  source!: string;

  @Field()
  assetKey!: string;

  @Field(() => Decimal, { nullable: true })
  amount?: string | null;

  @Field(() => Int, { nullable: true })
  periodDays?: number | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "Deductions: the freeze order to draw on (a freeze of the case on the account, or a renewal of one); the case's only freeze in force there when left out.",
  })
  freezeOrderId?: string | null;
}

@InputType('FollowUpControlOrderInput', { description: 'A renewal (with its period) or a release, with its own ruling and notice.' })
export class FollowUpInputType extends LegalBasisInput {
  @Field(() => Int, { nullable: true })
  periodDays?: number | null;
}

@ObjectType('AssistanceReceipt', { description: "The agency's answer (回执)." })
export class AssistanceReceiptType {
  @Field(() => ReceiptDecisionEnum)
  decision!: string;

  @Field(() => String, { nullable: true })
  registrationNo!: string | null;

  @Field(() => Int, { nullable: true })
  rank!: number | null;

  @Field(() => LocalDate, { nullable: true })
  registeredFrom!: string | null;

  @Field(() => LocalDate, { nullable: true })
  registeredUntil!: string | null;

  @Field(() => Decimal, { nullable: true })
  amountFrozen!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field()
  answeredBy!: string;

  @Field(() => Date)
  answeredAt!: Date;
}

@ObjectType('AssistanceRequest', { description: "A court's request in the agency's inbox." })
export class AssistanceRequestType extends ControlRequestFields {
  @Field(() => InboxStateEnum)
  state!: string;

  @Field()
  court!: string;

  @Field()
  assetKey!: string;

  @Field(() => ID, { nullable: true })
  originalRequestId!: string | null;

  @Field(() => Date)
  receivedAt!: Date;

  @Field(() => AssistanceReceiptType, { nullable: true })
  receipt!: AssistanceReceiptType | null;
}

export const AssistanceRequestConnection = Connection(AssistanceRequestType, 'AssistanceRequest');

@InputType('AnswerAssistanceInput')
export class AnswerAssistanceInput {
  @Field(() => ReceiptDecisionEnum)
  decision!: 'ACCEPTED' | 'REJECTED';

  @Field(() => String, { nullable: true })
  registrationNo?: string | null;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

@ObjectType('Notification')
export class NotificationType {
  @Field(() => ID)
  id!: string;

  @Field()
  kind!: string;

  @Field()
  message!: string;

  @Field(() => ID, { nullable: true })
  orderId!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field()
  read!: boolean;
}

export const NotificationConnection = Connection(NotificationType, 'Notification');
