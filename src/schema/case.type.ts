import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { EXECUTION_CASE_STATUSES } from '../entities/hub/execution-case.entity';
import { BANKRUPTCY_CASE_STATUSES } from '../entities/hub/bankruptcy-case.entity';
import { Connection } from './connection.type';
import { Decimal, LocalDate } from './scalars';
import { OrganisationType } from './viewer.type';

export const ExecutionCaseStatusEnum = Object.fromEntries(EXECUTION_CASE_STATUSES.map((s) => [s, s]));
registerEnumType(ExecutionCaseStatusEnum, { name: 'ExecutionCaseStatus' });
export const BankruptcyCaseStatusEnum = Object.fromEntries(BANKRUPTCY_CASE_STATUSES.map((s) => [s, s]));
registerEnumType(BankruptcyCaseStatusEnum, { name: 'BankruptcyCaseStatus' });

@ObjectType('ExecutionCase', { description: 'An execution case (执行案件): the legal basis for reading its respondents.' })
export class ExecutionCaseType {
  id!: string;

  @Field({ description: 'e.g. (2024)皖1524执123号' })
  caseNo!: string;

  @Field(() => OrganisationType)
  court!: OrganisationType;

  @Field(() => ExecutionCaseStatusEnum)
  status!: string;

  @Field(() => LocalDate)
  filedOn!: string;

  @Field(() => Decimal, { description: 'Amount the respondents owe, yuan.' })
  amountDue!: string;
}

@ObjectType('AdministratorAppointment', { description: "A firm's appointment as bankruptcy administrator (指定管理人决定书)." })
export class AppointmentType {
  @Field(() => OrganisationType)
  firm!: OrganisationType;

  @Field(() => String, { nullable: true })
  decisionNo!: string | null;

  @Field(() => LocalDate)
  validFrom!: string;

  @Field(() => LocalDate, { nullable: true })
  validTo!: string | null;
}

@ObjectType('BankruptcyCase', { description: 'A bankruptcy case (破产案件): the legal basis for reading its debtor.' })
export class BankruptcyCaseType {
  id!: string;
  debtorId!: string;

  @Field({ description: 'e.g. (2024)皖1524破1号' })
  caseNo!: string;

  @Field(() => OrganisationType)
  court!: OrganisationType;

  @Field(() => BankruptcyCaseStatusEnum)
  status!: string;

  @Field(() => LocalDate)
  acceptedOn!: string;

  @Field(() => String, { nullable: true, description: '受理破产案件裁定书 number.' })
  acceptanceRulingNo!: string | null;

  @Field(() => AppointmentType, { nullable: true, description: "The viewer's firm's valid appointment." })
  appointment!: AppointmentType | null;
}

export const ExecutionCaseConnection = Connection(ExecutionCaseType, 'ExecutionCase');
export const BankruptcyCaseConnection = Connection(BankruptcyCaseType, 'BankruptcyCase');
