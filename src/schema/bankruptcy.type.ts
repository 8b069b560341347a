import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { RELEASE_TASK_STATES } from '../bankruptcy/release-tasks';
import { CONSENT_PARTIES, TRANSFER_STATES } from '../bankruptcy/transfer';
import { Connection } from './connection.type';
import { enumOf } from './enum-of';
import { LocalDate } from './scalars';
import { SourceNameEnum } from './source-status.type';

export const ReleaseTaskStateEnum = enumOf(
  RELEASE_TASK_STATES,
  'ReleaseTaskState',
  'AWAITING_RECEIPT (the measure was on its way to the agency at acceptance: released once registered), PENDING (to be released), RELEASING (the release order is on its way), RELEASED (receipt in, handed over to the administrator), NOT_REGISTERED (the agency refused the measure: nothing to release), CANCELLED (the bankruptcy case ended by dismissal or withdrawal before the release: the measure stays for the resumed execution).',
);
export const TransferStateEnum = enumOf(TRANSFER_STATES, 'BankruptcyTransferState', 'PROPOSED, ACCEPTED (a bankruptcy case opened) or RETURNED.');
export const ConsentPartyEnum = enumOf(CONSENT_PARTIES, 'ConsentParty', 'APPLICANT (申请执行人) or RESPONDENT (被执行人).');

@ObjectType('ReleaseTask', {
  description:
    'A measure on the debtor found by the acceptance sweep, to be released by the court that ordered it and handed over to the administrator (移交管理人).',
})
export class ReleaseTaskType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'The bankruptcy case whose acceptance set off the release.' })
  bankruptcyCaseNo!: string;

  @Field(() => SourceNameEnum)
  source!: string;

  @Field({ description: "The asset's key in its source (unit code, VIN, bank + account no. …)." })
  assetKey!: string;

  @Field({ description: 'SEIZE (查封) or FREEZE (冻结).' })
  measureKind!: string;

  @Field(() => String, { nullable: true, description: 'The hub order that holds the asset; null for a measure made outside the hub.' })
  controlOrderId!: string | null;

  @Field(() => String, { nullable: true, description: 'The release order drafted from this task.' })
  releaseOrderId!: string | null;

  @Field({ description: 'The court that ordered the measure (as the registry names it for an outside measure).' })
  orderingCourtName!: string;

  @Field(() => String, { nullable: true })
  orderingCaseNo!: string | null;

  @Field({ description: 'The court the task is addressed to: the ordering court, or the accepting court when the hub knows no court of that name.' })
  addressedCourtName!: string;

  @Field(() => String, { nullable: true, description: "An outside measure: the registry's details (holder, case, amount, dates)." })
  registryDetails!: string | null;

  @Field(() => ReleaseTaskStateEnum)
  state!: string;

  @Field(() => LocalDate, { description: 'Ten working days after the sweep (weekends and configured holidays off).' })
  dueOn!: string;

  @Field({ description: 'Past its due date and not released.' })
  overdue!: boolean;

  @Field(() => String, { nullable: true, description: "The release receipt's registration number." })
  receiptNo!: string | null;

  @Field(() => LocalDate, { nullable: true })
  releasedOn!: string | null;

  @Field({ description: 'Handed over to the administrator (移交管理人) with the receipt.' })
  handedOver!: boolean;

  @Field(() => Date, { nullable: true })
  handedOverAt!: Date | null;
}

@ObjectType('OverdueReleaseTask', { description: 'A release task past its due date, as auditors see it: no asset, no debtor.' })
export class OverdueReleaseTaskType {
  @Field(() => ID)
  id!: string;

  @Field()
  bankruptcyCaseNo!: string;

  @Field(() => SourceNameEnum)
  source!: string;

  @Field()
  orderingCourtName!: string;

  @Field(() => String, { nullable: true })
  orderingCaseNo!: string | null;

  @Field()
  addressedCourtName!: string;

  @Field(() => ReleaseTaskStateEnum)
  state!: string;

  @Field(() => LocalDate)
  dueOn!: string;
}

@ObjectType('SuspendedExecution', { description: 'An execution case suspended (中止) by a bankruptcy acceptance or a pending transfer.' })
export class SuspendedExecutionType {
  @Field()
  caseNo!: string;

  @Field()
  courtName!: string;

  @Field()
  reason!: string;

  @Field(() => Date)
  suspendedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it resumed (恢复执行): the bankruptcy case dismissed or withdrawn.' })
  resumedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it terminated (终结执行): the bankruptcy concluded.' })
  terminatedAt!: Date | null;
}

@ObjectType('ExecutionSuspension', { description: 'Why an execution case is suspended: the bankruptcy case or the pending transfer.' })
export class ExecutionSuspensionType {
  @Field()
  reason!: string;

  @Field(() => Date)
  suspendedAt!: Date;

  @Field(() => String, { nullable: true })
  bankruptcyCaseNo!: string | null;

  @Field(() => String, { nullable: true })
  transferId!: string | null;

  @Field(() => TransferStateEnum, { nullable: true })
  transferState!: string | null;
}

@ObjectType('BankruptcyTransfer', {
  description: 'A transfer of an execution into bankruptcy (执转破), proposed by the clerk, decided by the tribunal.',
})
export class BankruptcyTransferType {
  @Field(() => ID)
  id!: string;

  @Field()
  executionCaseNo!: string;

  @Field()
  executionCourtName!: string;

  @Field()
  debtorName!: string;

  @Field({ description: 'The enterprise’s unified social credit code (public).' })
  debtorIdNumber!: string;

  @Field()
  tribunalCourtName!: string;

  @Field(() => ConsentPartyEnum)
  consentBy!: string;

  @Field()
  consentDocumentNo!: string;

  @Field(() => LocalDate)
  consentDate!: string;

  @Field(() => TransferStateEnum)
  state!: string;

  @Field(() => LocalDate, { description: 'The tribunal decides by this date (TRANSFER_DECISION_DAYS after the proposal).' })
  decideBy!: string;

  @Field({ description: 'Undecided past its deadline.' })
  overdue!: boolean;

  @Field(() => String, { nullable: true })
  returnReason!: string | null;

  @Field(() => String, { nullable: true })
  bankruptcyCaseNo!: string | null;

  @Field()
  proposedBy!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;
}

export const ReleaseTaskConnection = Connection(ReleaseTaskType, 'ReleaseTask');
export const OverdueReleaseTaskConnection = Connection(OverdueReleaseTaskType, 'OverdueReleaseTask');
export const BankruptcyTransferConnection = Connection(BankruptcyTransferType, 'BankruptcyTransfer');

@InputType('ReleaseFromTaskInput', {
  description:
    "The release order's legal documents; by default the acceptance ruling (破产法 art. 19) and a notice numbered after the ordering case.",
})
export class ReleaseFromTaskInput {
  @Field(() => String, { nullable: true })
  rulingNo?: string | null;

  @Field(() => LocalDate, { nullable: true })
  rulingDate?: string | null;

  @Field(() => String, { nullable: true })
  noticeNo?: string | null;

  @Field(() => LocalDate, { nullable: true })
  noticeDate?: string | null;
}

@InputType('OutsideReleaseInput', { description: 'A measure made outside the hub, released on paper: the registry’s release receipt.' })
export class OutsideReleaseInput {
  @Field({ description: "The registry's release registration number." })
  receiptNo!: string;

  @Field(() => LocalDate)
  releasedOn!: string;
}

@InputType('ProposeBankruptcyTransferInput')
export class ProposeBankruptcyTransferInput {
  @Field({ description: 'The enterprise respondent (unified social credit code).' })
  respondentIdNumber!: string;

  @Field(() => ConsentPartyEnum)
  consentBy!: string;

  @Field({ description: 'The written consent (同意移送破产审查书) number.' })
  consentDocumentNo!: string;

  @Field(() => LocalDate)
  consentDate!: string;

  @Field(() => String, { nullable: true, description: "The tribunal's court code; by default the court of the execution case." })
  courtCode?: string | null;
}

@InputType('TransferAppointmentInput', { description: 'An administrator appointed with the acceptance (指定管理人决定书).' })
export class TransferAppointmentInput {
  @Field()
  firmCode!: string;

  @Field()
  decisionNo!: string;

  @Field(() => LocalDate)
  validFrom!: string;

  @Field(() => LocalDate, { nullable: true })
  validTo?: string | null;
}

@InputType('AcceptBankruptcyTransferInput')
export class AcceptBankruptcyTransferInput {
  @Field({ description: 'The new bankruptcy case number, e.g. (2026)皖1524破3号.' })
  caseNo!: string;

  @Field({ description: '受理破产案件裁定书 number, e.g. (2026)皖1524破申5号.' })
  acceptanceRulingNo!: string;

  @Field(() => LocalDate)
  acceptedOn!: string;

  @Field(() => TransferAppointmentInput, { nullable: true })
  administrator?: TransferAppointmentInput | null;
}
