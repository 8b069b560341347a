import { Field, ObjectType } from 'type-graphql';
import { CheckPurposeEnum } from '../../checks/dishonest-check.type';
import type { Role } from '../../entities/hub/user.entity';
import type { SubjectKind } from '../../ids/subject-id';
import { BankruptcyCaseStatusEnum, ExecutionCaseStatusEnum } from '../case.type';
import { Connection } from '../connection.type';
import { Decimal, LocalDate } from '../scalars';
import { BankruptcyOutcomeEnum } from './admin.input';
import { SourceNameEnum } from '../source-status.type';
import { SubjectKindEnum } from '../subject.type';
import { OrganisationKindEnum, OrganisationType, RoleEnum } from '../viewer.type';

// What the operator sees of what they manage: case metadata and party names as filed, never agency records.

@ObjectType('ManagedOrganisation', { description: 'An organisation as the hub operator manages it.' })
export class ManagedOrganisationType {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => OrganisationKindEnum) kind!: string;
  @Field() disabled!: boolean;
  @Field(() => SourceNameEnum, {
    nullable: true,
    description: 'AGENCY: the source it answers for; null when it answers for none, and for other kinds.',
  })
  source!: string | null;
  @Field(() => [CheckPurposeEnum], { description: 'AGENCY: the purposes it may check the dishonest-debtor list for (empty for other kinds).' })
  declaredPurposes!: string[];
}

@ObjectType('ManagedUser', { description: 'A user account as the hub operator manages it.' })
export class ManagedUserType {
  @Field() username!: string;
  @Field() displayName!: string;
  @Field(() => RoleEnum) role!: Role;
  @Field(() => OrganisationType) organisation!: OrganisationType;
  @Field() disabled!: boolean;
}

@ObjectType('CaseParty', { description: 'A party as named in the court filing: kind and name only (no ID number, no records).' })
export class CasePartyType {
  @Field(() => SubjectKindEnum) kind!: SubjectKind;
  @Field() name!: string;
}

@ObjectType('ManagedExecutionCase', { description: 'An execution case as the hub operator manages it.' })
export class ManagedExecutionCaseType {
  @Field() caseNo!: string;
  @Field(() => OrganisationType) court!: OrganisationType;
  @Field(() => ExecutionCaseStatusEnum) status!: string;
  @Field(() => LocalDate) filedOn!: string;
  @Field(() => Decimal) amountDue!: string;
  @Field(() => [CasePartyType]) respondents!: CasePartyType[];
  @Field(() => [ManagedUserType], { description: 'Clerks currently assigned.' }) clerks!: ManagedUserType[];
}

@ObjectType('ManagedAppointment', { description: "A firm's appointment as bankruptcy administrator, as the hub operator manages it." })
export class ManagedAppointmentType {
  @Field(() => OrganisationType) firm!: OrganisationType;
  @Field(() => String, { nullable: true, description: '指定管理人决定书 number.' }) decisionNo!: string | null;
  @Field(() => LocalDate) validFrom!: string;
  @Field(() => LocalDate, { nullable: true }) validTo!: string | null;
  @Field({ description: 'Ended by the operator; an ended appointment gives no access.' }) ended!: boolean;
}

@ObjectType('BankruptcyCaseClosing', { description: 'How a bankruptcy case ended: the outcome, its ruling and date.' })
export class BankruptcyCaseClosingType {
  @Field(() => BankruptcyOutcomeEnum) outcome!: string;
  @Field() rulingNo!: string;
  @Field(() => LocalDate) date!: string;
}

@ObjectType('ManagedBankruptcyCase', { description: 'A bankruptcy case as the hub operator manages it.' })
export class ManagedBankruptcyCaseType {
  @Field() caseNo!: string;
  @Field(() => OrganisationType) court!: OrganisationType;
  @Field(() => BankruptcyCaseStatusEnum) status!: string;
  @Field(() => LocalDate) acceptedOn!: string;
  @Field(() => String, { nullable: true, description: '受理破产案件裁定书 number.' }) acceptanceRulingNo!: string | null;
  @Field(() => CasePartyType) debtor!: CasePartyType;
  @Field(() => [ManagedAppointmentType], { description: 'All appointments, oldest first.' }) appointments!: ManagedAppointmentType[];
  @Field(() => BankruptcyCaseClosingType, {
    nullable: true,
    description: 'How the case ended; null while it runs (or closed before outcomes were recorded).',
  })
  closing!: BankruptcyCaseClosingType | null;
}

// The operator's lists: keyset-paged like the other connections.
export const ManagedOrganisationConnection = Connection(ManagedOrganisationType, 'ManagedOrganisation');
export const ManagedUserConnection = Connection(ManagedUserType, 'ManagedUser');
export const ManagedExecutionCaseConnection = Connection(ManagedExecutionCaseType, 'ManagedExecutionCase');
export const ManagedBankruptcyCaseConnection = Connection(ManagedBankruptcyCaseType, 'ManagedBankruptcyCase');
