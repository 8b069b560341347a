import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AUDIT_ENTRY_KINDS, AUDIT_OUTCOMES } from '../entities/hub/audit-entry.entity';
import { AUDIT_PROBLEMS } from '../audit/audit-verifier';
import { ALERT_RULES } from '../audit/alert-rules';
import type { Role } from '../entities/hub/user.entity';
import { PageInfo } from './connection.type';
import { RoleEnum } from './viewer.type';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const AuditEntryKindEnum = asEnum(AUDIT_ENTRY_KINDS);
registerEnumType(AuditEntryKindEnum, {
  name: 'AuditEntryKind',
  description:
    'READ: subject data read under a case; REFUSAL: a refused request; ADMIN: an operation of the admin API; AUDIT: a query of the audit API; AUTH_FAILURE: a valid token naming an unknown or disabled user.',
});
export const AuditOutcomeEnum = asEnum(AUDIT_OUTCOMES);
registerEnumType(AuditOutcomeEnum, {
  name: 'AuditOutcome',
  description:
    'ALLOWED: everything asked was released; PARTIAL: some fields denied or failed; DENIED: nothing released; FAILED: an operation failed for a reason other than authorisation; REQUESTED: an admin operation about to run.',
});
export const FieldOutcomeEnum = asEnum(['ALLOW', 'MASK', 'DENY', 'FAILED'] as const);
registerEnumType(FieldOutcomeEnum, { name: 'AuditFieldOutcome', description: 'FAILED: no value because a source could not answer.' });
export const AuditProblemEnum = asEnum(AUDIT_PROBLEMS);
registerEnumType(AuditProblemEnum, { name: 'AuditProblem' });
export const AlertRuleEnum = asEnum(ALERT_RULES);
registerEnumType(AlertRuleEnum, { name: 'AuditAlertRule' });

@ObjectType('AuditFieldRead', { description: 'One field path read beneath a subject (list indices dropped) and its outcome.' })
export class AuditFieldReadType {
  @Field()
  path!: string;

  @Field(() => FieldOutcomeEnum)
  outcome!: string;
}

@ObjectType('AuditSourceState', { description: 'An agency source consulted for the entry, and how it answered.' })
export class AuditSourceStateType {
  @Field()
  source!: string;

  @Field()
  state!: string;
}

@ObjectType('AuditEntry', { description: 'One entry of the hash-chained audit log.' })
export class AuditEntryType {
  @Field({ description: 'Sequence number (a decimal string; 64-bit).' })
  seq!: string;

  @Field()
  at!: Date;

  @Field()
  requestId!: string;

  @Field(() => AuditEntryKindEnum)
  kind!: string;

  @Field(() => String, { nullable: true })
  username!: string | null;

  @Field(() => String, { nullable: true, description: 'Code of the user’s organisation.' })
  organisation!: string | null;

  @Field(() => RoleEnum, { nullable: true })
  role!: Role | null;

  @Field(() => String, { nullable: true, description: 'EXECUTION or BANKRUPTCY.' })
  caseKind!: string | null;

  @Field(() => String, { nullable: true, description: 'The case named as legal basis.' })
  caseNo!: string | null;

  @Field(() => String, { nullable: true, description: 'Opaque hub identifier of the subject.' })
  subjectId!: string | null;

  @Field(() => String, { nullable: true })
  subjectKind!: string | null;

  @Field(() => String, { nullable: true, description: 'Resident ID or credit code of the subject, masked for auditors.' })
  subjectIdNumber!: string | null;

  @Field(() => [AuditFieldReadType])
  fields!: readonly AuditFieldReadType[];

  @Field(() => [AuditSourceStateType])
  sources!: AuditSourceStateType[];

  @Field(() => AuditOutcomeEnum)
  outcome!: string;

  @Field(() => String, { nullable: true })
  clientAddress!: string | null;

  @Field(() => String, { nullable: true, description: 'The X-Request-Id the client sent, if any: a correlation with its own logs, never unique.' })
  correlationId!: string | null;

  @Field(() => String, { nullable: true })
  operationName!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Kind-specific detail as JSON: the operation and its arguments (secrets removed), or the refusal messages.',
  })
  detail!: string | null;

  @Field()
  prevHash!: string;

  @Field()
  hash!: string;
}

@ObjectType('AuditEntryEdge')
export class AuditEntryEdge {
  @Field()
  cursor!: string;

  @Field(() => AuditEntryType)
  node!: AuditEntryType;
}

/** No totalCount: counting tens of millions of entries per page would cost more than the page. */
@ObjectType('AuditEntryConnection', { description: 'Audit entries, newest first.' })
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge])
  edges!: AuditEntryEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@InputType('AuditEntryFilter', { description: 'All given conditions must hold.' })
export class AuditEntryFilter {
  @Field(() => String, { nullable: true })
  username?: string | null;

  @Field(() => String, { nullable: true, description: 'Organisation code.' })
  organisation?: string | null;

  @Field(() => RoleEnum, { nullable: true })
  role?: Role | null;

  @Field(() => String, { nullable: true })
  caseNo?: string | null;

  @Field(() => String, { nullable: true, description: 'Resident ID or unified social credit code, in full.' })
  subjectId?: string | null;

  @Field(() => AuditOutcomeEnum, { nullable: true })
  outcome?: string | null;

  @Field(() => AuditEntryKindEnum, { nullable: true })
  kind?: string | null;

  @Field(() => Date, { nullable: true, description: 'From this time (inclusive).' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this time (exclusive).' })
  to?: Date | null;
}

@ObjectType('AuditVerification', { description: 'The result of verifying a range of the chain.' })
export class AuditVerificationType {
  @Field()
  ok!: boolean;

  @Field()
  fromSeq!: string;

  @Field()
  toSeq!: string;

  @Field(() => Int)
  entriesChecked!: number;

  @Field(() => Int)
  checkpointsChecked!: number;

  @Field(() => String, { nullable: true, description: 'The lowest sequence number at which the log is not what was written.' })
  firstBadSeq!: string | null;

  @Field(() => AuditProblemEnum, { nullable: true })
  problem!: string | null;

  @Field()
  message!: string;
}

@ObjectType('AuditCheckpoint', { description: 'A signed statement of the chain head.' })
export class AuditCheckpointType {
  @Field()
  seq!: string;

  @Field()
  hash!: string;

  @Field({ description: 'Time of the entry at seq.' })
  entryAt!: Date;

  @Field()
  signedAt!: Date;

  @Field()
  keyId!: string;

  @Field({ description: 'Ed25519 signature (base64url) over the canonical JSON of {log, seq, hash, entryAt, signedAt, keyId}.' })
  signature!: string;
}

@ObjectType('AuditPublicKey', { description: 'The key that verifies checkpoint signatures.' })
export class AuditPublicKeyType {
  @Field()
  keyId!: string;

  @Field()
  algorithm!: string;

  @Field({ description: 'SPKI, PEM-encoded.' })
  publicKeyPem!: string;
}

@ObjectType('AuditAlert', { description: 'A pattern in the log that an auditor should look at; see docs for the rules and thresholds.' })
export class AuditAlertType {
  @Field(() => AlertRuleEnum)
  rule!: string;

  @Field()
  description!: string;

  @Field(() => String, { nullable: true })
  username!: string | null;

  @Field(() => String, { nullable: true, description: 'For per-subject rules; masked for auditors.' })
  subjectIdNumber!: string | null;

  @Field()
  windowStart!: Date;

  @Field()
  windowEnd!: Date;

  @Field(() => Int, { description: 'What was counted (distinct subjects, reads, refusals or cases).' })
  count!: number;

  @Field(() => Int)
  threshold!: number;

  @Field(() => [String], { description: 'Case numbers involved (at most 20).' })
  caseNos!: string[];

  @Field({ description: 'The first and last entries that make up the alert.' })
  firstSeq!: string;

  @Field()
  lastSeq!: string;
}
