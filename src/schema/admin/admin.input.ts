import { Field, InputType } from 'type-graphql';
import type { Role } from '../../entities/hub/user.entity';
import type { OrganisationKind } from '../../entities/hub/organisation.entity';
import { BANKRUPTCY_OUTCOMES, type BankruptcyOutcome } from '../../entities/hub/bankruptcy-case.entity';
import { enumOf } from '../enum-of';
import { Decimal, LocalDate } from '../scalars';
import { SourceNameEnum } from '../source-status.type';
import { OrganisationKindEnum, RoleEnum } from '../viewer.type';

// Shapes only; every value is checked in the admin services, which name the offending field.

@InputType()
export class CreateOrganisationInput {
  @Field({ description: 'Stable external code, e.g. a court code 皖1524 or a firm registration number.' }) code!: string;
  @Field() name!: string;
  @Field(() => OrganisationKindEnum) kind!: OrganisationKind;
  @Field(() => SourceNameEnum, {
    nullable: true,
    description: 'AGENCY only: the source it answers for (its assistance requests, claim notices and credit-repair requests).',
  })
  source?: string | null;
}

@InputType()
export class CreateUserInput {
  @Field({ description: 'Lower-case letters, digits, dot, dash, underscore; 3–64 characters; the token subject.' }) username!: string;
  @Field() displayName!: string;
  @Field(() => RoleEnum, {
    description: 'CLERK needs a COURT, ADMINISTRATOR an ADMINISTRATOR_FIRM, AUDITOR a PROCURATORATE or COURT, ADMIN the OPERATOR.',
  })
  role!: Role;
  @Field() organisationCode!: string;
}

@InputType({ description: 'A party as named in the court filing.' })
export class CasePartyInput {
  @Field({ description: 'Resident ID (persons) or unified social credit code (enterprises); check digits are verified.' }) idNumber!: string;
  @Field() name!: string;
}

@InputType()
export class CreateExecutionCaseInput {
  @Field({ description: 'e.g. (2024)皖1524执123号; the court is the one the number names.' }) caseNo!: string;
  @Field(() => LocalDate, { description: 'In the case number’s year, not in the future.' }) filedOn!: string;
  @Field(() => Decimal, { description: 'Yuan, more than zero.' }) amountDue!: string;
  @Field(() => [CasePartyInput], { description: '1 to 50 respondents (被执行人), each ID number once.' }) respondents!: CasePartyInput[];
}

@InputType()
export class CreateBankruptcyCaseInput {
  @Field({ description: 'e.g. (2024)皖1524破1号; the court is the one the number names.' }) caseNo!: string;
  @Field(() => LocalDate, { description: 'In the case number’s year, not in the future.' }) acceptedOn!: string;
  @Field({ description: '受理破产案件裁定书 number, a bankruptcy case number of the same court, e.g. (2024)皖1524破申3号.' })
  acceptanceRulingNo!: string;
  @Field(() => CasePartyInput, { description: 'The debtor enterprise (unified social credit code).' }) debtor!: CasePartyInput;
}

export const BankruptcyOutcomeEnum = enumOf(
  BANKRUPTCY_OUTCOMES,
  'BankruptcyOutcome',
  'How a bankruptcy case ended: DISMISSED (驳回破产申请) or WITHDRAWN (准许撤回): the suspended executions resume; CONCLUDED (终结破产程序): they terminate.',
);

@InputType()
export class CloseBankruptcyCaseInput {
  @Field(() => BankruptcyOutcomeEnum) outcome!: BankruptcyOutcome;
  @Field({ description: 'The ruling that ends the case: the case number of its court, optionally followed by 之一, 之二…' }) rulingNo!: string;
  @Field(() => LocalDate, { description: 'The ruling’s date: not in the future, not before the acceptance.' }) date!: string;
}

@InputType()
export class AppointAdministratorInput {
  @Field() caseNo!: string;
  @Field({ description: 'Code of an enabled ADMINISTRATOR_FIRM.' }) firmCode!: string;
  @Field({ description: '指定管理人决定书 number: the case number of the same court, optionally followed by 之一, 之二…' }) decisionNo!: string;
  @Field(() => LocalDate, { description: 'Not before the case was accepted.' }) validFrom!: string;
  @Field(() => LocalDate, { nullable: true, description: 'Last valid day (inclusive); open-ended when absent.' }) validTo!: string | null;
}
