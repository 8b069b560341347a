import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { CLAIM_PRIORITY_CLASSES } from '../bankruptcy/claims/claim-processor';
import { CLAIM_KINDS, CLAIM_STATES } from '../bankruptcy/claims/claims';
import { CREDIT_REPAIR_DELIVERY_STATES, CREDIT_REPAIR_STATES } from '../bankruptcy/credit-repair/credit-repair';
import { Connection } from './connection.type';
import { enumOf } from './enum-of';
import { Decimal, LocalDate } from './scalars';
import { SourceNameEnum } from './source-status.type';

export const ClaimStateEnum = enumOf(
  CLAIM_STATES,
  'ClaimState',
  'NOTICE_SENT → FILED (the agency answered) → CONFIRMED | DISPUTED (the administrator).',
);
export const ClaimKindEnum = enumOf(CLAIM_KINDS, 'ClaimKind');
export const ClaimPriorityClassEnum = enumOf(
  CLAIM_PRIORITY_CLASSES,
  'ClaimPriorityClass',
  '企业破产法 art. 113: SOCIAL_INSURANCE and TAX are paid second (after wages); ORDINARY (普通债权) last. Late fees are ORDINARY.',
);
export const CreditRepairStateEnum = enumOf(CREDIT_REPAIR_STATES, 'CreditRepairState');
export const CreditRepairAgencyStateEnum = enumOf(CREDIT_REPAIR_DELIVERY_STATES, 'CreditRepairAgencyState');

@ObjectType('BankruptcyEvent', { description: 'One step of a claim or of a credit repair: who did what, when.' })
export class BankruptcyEventType {
  @Field(() => Date) at!: Date;
  @Field(() => String, { nullable: true, description: 'Username, `agency:<source>` or `system:control-worker`.' }) actor!: string | null;
  @Field() action!: string;
  @Field() state!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType('ClaimLine', { description: 'A tax type and period, or an insurance type over its months, as of the acceptance date.' })
export class ClaimLineType {
  @Field({ description: 'Tax type (增值税 …) or insurance type (PENSION, MEDICAL, UNEMPLOYMENT, WORK_INJURY, MATERNITY).' }) type!: string;
  @Field({ description: 'YYYY-MM or YYYY; several months as first/last.' }) period!: string;
  @Field(() => Decimal) principal!: string;
  @Field(() => Decimal, { description: '0.05 % a day from the first day late to the acceptance date.' }) lateFees!: string;
  @Field(() => LocalDate) overdueSince!: string;
  @Field(() => Int, { description: 'Days late up to the acceptance date (the longest, for several months).' }) days!: number;
  @Field(() => ClaimPriorityClassEnum, { description: "The principal's class." }) priorityClass!: string;
}

@ObjectType('BankruptcyClaim', { description: "A public creditor's claim (债权申报) in a bankruptcy case: the tax or the social-security agency's." })
export class BankruptcyClaimType {
  @Field(() => ID) id!: string;
  @Field() caseNo!: string;
  @Field(() => SourceNameEnum, { description: 'The agency source that answers for the creditor.' }) source!: string;
  @Field(() => ClaimKindEnum) kind!: string;
  @Field(() => String, { nullable: true, description: 'The creditor agency.' }) creditor!: string | null;
  @Field(() => ClaimStateEnum) state!: string;
  @Field(() => LocalDate, { description: 'The acceptance date the claim is computed as of.' }) asOf!: string;
  @Field(() => Decimal, { nullable: true, description: 'Null until filed.' }) principal!: string | null;
  @Field(() => Decimal, { nullable: true, description: 'Late fees (滞纳金), an ordinary claim; null until filed.' }) lateFees!: string | null;
  @Field(() => ClaimPriorityClassEnum, { description: "The principal's class." }) priorityClass!: string;
  @Field(() => ClaimPriorityClassEnum, { description: "The late fees' class: always ORDINARY." }) lateFeesPriorityClass!: string;
  @Field(() => [ClaimLineType]) lines!: ClaimLineType[];
  @Field(() => String, { nullable: true }) disputeReason!: string | null;
  @Field(() => Date, { nullable: true, description: "When the notice reached the agency's inbox." }) deliveredAt!: Date | null;
  @Field(() => Date, { nullable: true }) filedAt!: Date | null;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Username of the administrator who confirmed or disputed it.' }) decidedBy!: string | null;
  @Field(() => [BankruptcyEventType]) history!: BankruptcyEventType[];
}

@ObjectType('CreditRepairAgency', { description: "One agency's part of a credit-repair request." })
export class CreditRepairAgencyType {
  @Field(() => SourceNameEnum) source!: string;
  @Field(() => CreditRepairAgencyStateEnum) state!: string;
  @Field(() => String, {
    nullable: true,
    description: 'What the agency did (the new tax credit grade, entries removed from the list) or why it refused.',
  })
  outcome!: string | null;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => Date, { nullable: true }) answeredAt!: Date | null;
  @Field(() => [BankruptcyEventType]) history!: BankruptcyEventType[];
}

@ObjectType('CreditRepairRequest', { description: "The administrator's request for credit repair after an approved reorganisation plan." })
export class CreditRepairRequestType {
  @Field(() => ID) id!: string;
  @Field(() => CreditRepairStateEnum, { description: 'PENDING while an agency has not answered; GRANTED when all did; else REFUSED.' })
  state!: string;
  @Field() reasons!: string;
  @Field(() => [String]) documents!: string[];
  @Field() requestedBy!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => String, { nullable: true, description: 'The ruling approving the plan (批准重整计划裁定书).' }) rulingNo!: string | null;
  @Field(() => LocalDate, { nullable: true }) rulingDate!: string | null;
  @Field(() => [CreditRepairAgencyType]) agencies!: CreditRepairAgencyType[];
}

@ObjectType('ReorganisationPlan', { description: 'The ruling approving the reorganisation plan, as recorded by the operator.' })
export class ReorganisationPlanType {
  @Field() rulingNo!: string;
  @Field(() => LocalDate) rulingDate!: string;
}

@InputType('ReorganisationPlanApprovalInput')
export class ReorganisationPlanApprovalInput {
  @Field({ description: 'The ruling in the case, e.g. (2024)皖1524破1号之三.' }) rulingNo!: string;
  @Field(() => LocalDate) rulingDate!: string;
}

@InputType('CreditRepairInput')
export class CreditRepairInput {
  @Field({ description: 'Why the repair is due (the plan, its performance).' }) reasons!: string;
  @Field(() => [String], { nullable: true, description: 'The documents enclosed, by title and number (at most 20).' }) documents?: string[] | null;
}

export const BankruptcyRequestKindEnum = enumOf(['CLAIM_NOTICE', 'CREDIT_REPAIR'] as const, 'BankruptcyRequestKind');
export const BankruptcyRequestStateEnum = enumOf(['PENDING', 'ANSWERED'] as const, 'BankruptcyRequestState');
export const CreditRepairDecisionEnum = enumOf(['GRANTED', 'REFUSED'] as const, 'CreditRepairDecision');

@ObjectType('BankruptcyRequest', { description: "A claim notice or a credit-repair request in an agency's inbox, and its answer." })
export class BankruptcyRequestType {
  @Field(() => ID) id!: string;
  @Field(() => BankruptcyRequestKindEnum) kind!: string;
  @Field(() => BankruptcyRequestStateEnum) state!: string;
  @Field() court!: string;
  @Field() caseNo!: string;
  @Field() subjectName!: string;
  @Field() subjectIdNumber!: string;
  @Field(() => LocalDate, { description: 'Claims: the acceptance date; credit repair: the date of the ruling approving the plan.' }) asOf!: string;
  @Field(() => String, { nullable: true }) rulingNo!: string | null;
  @Field(() => LocalDate, { nullable: true }) rulingDate!: string | null;
  @Field(() => Date) receivedAt!: Date;
  @Field(() => String, { nullable: true, description: 'FILED, GRANTED or REFUSED once answered.' }) decision!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String, { nullable: true }) answeredBy!: string | null;
  @Field(() => Date, { nullable: true }) answeredAt!: Date | null;
}

export const BankruptcyRequestConnection = Connection(BankruptcyRequestType, 'BankruptcyRequest');

@ObjectType('BankruptcyReceipt', { description: "The agency's answer to a bankruptcy request." })
export class BankruptcyReceiptType {
  @Field() requestId!: string;
  @Field() decision!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field() answeredBy!: string;
  @Field(() => Date) answeredAt!: Date;
}

@InputType('ClaimLineInput')
export class ClaimLineInput {
  @Field() type!: string;
  @Field() period!: string;
  @Field(() => Decimal) principal!: string;
  @Field(() => Decimal) lateFees!: string;
  @Field(() => LocalDate) overdueSince!: string;
}

@InputType('FileClaimInput')
export class FileClaimInput {
  @Field(() => String, { nullable: true }) creditor?: string | null;
  @Field(() => [ClaimLineInput]) lines!: ClaimLineInput[];
}

@InputType('AnswerCreditRepairInput')
export class AnswerCreditRepairInput {
  @Field(() => CreditRepairDecisionEnum) decision!: 'GRANTED' | 'REFUSED';
  @Field(() => String, { nullable: true, description: 'Required for a refusal.' }) reason?: string | null;
}
