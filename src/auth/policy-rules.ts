import { ROLES, type Role } from '../entities/hub/user.entity';

/**
 * The vocabulary of the access policy (auth/policy.ts): rules name the roles that get each outcome, and every
 * role a rule does not name is denied. A new role therefore sees nothing until a rule names it.
 */
export type Outcome = 'ALLOW' | 'MASK' | 'DENY';
export type MaskKind = 'idNumber' | 'phone' | 'address' | 'name' | 'accountNo';

export interface FieldRule {
  outcomes: Record<Role, Outcome>;
  reason: string;
  /** How a MASK outcome transforms the value. */
  mask?: MaskKind;
  /** Subject data: readable only through a bound case and logged as such. */
  subjectData: boolean;
  /** A root query whose every call goes on the audit log with its arguments (looking into the log is itself on the record). */
  audited?: boolean;
}

/** Who gets which outcome; a role not named is denied. */
export class Access {
  constructor(readonly granted: Readonly<Partial<Record<Role, Exclude<Outcome, 'DENY'>>>>) {}

  /** These grants and another's (a role named twice keeps the later grant). */
  and(other: Access): Access {
    return new Access({ ...this.granted, ...other.granted });
  }

  outcomes(): Record<Role, Outcome> {
    return Object.fromEntries(ROLES.map((role) => [role, this.granted[role] ?? 'DENY'])) as Record<Role, Outcome>;
  }
}

const grant = (outcome: Exclude<Outcome, 'DENY'>, roles: readonly Role[]) => new Access(Object.fromEntries(roles.map((r) => [r, outcome])));

/** The value, to these roles. */
export const allow = (...roles: Role[]): Access => grant('ALLOW', roles);
/** A masked value (see the rule's `mask`), to these roles. */
export const mask = (...roles: Role[]): Access => grant('MASK', roles);
/** No role: null and FORBIDDEN for everyone. */
export const nobody: Access = new Access({});
/** Every role, present and future: only for what carries no subject or operator data (own account, page structure). */
export const everyone: Access = allow(...ROLES);

export interface RuleOptions {
  mask?: MaskKind;
  audited?: boolean;
}

export type RuleRow = [access: Access, reason: string, options?: RuleOptions];

/** The rules of one GraphQL type, keyed `Type.field`. */
export function rules(type: string, subjectData: boolean, fields: Record<string, RuleRow>): Record<string, FieldRule> {
  return Object.fromEntries(
    Object.entries(fields).map(([field, [access, reason, options]]) => {
      const rule: FieldRule = { outcomes: access.outcomes(), reason, mask: options?.mask, subjectData };
      if (options?.audited) rule.audited = true;
      return [`${type}.${field}`, rule];
    }),
  );
}

/** The purposes subject data is read for (the reasons of most subject rules). */
export const EXEC = 'Execution: locate the respondent and their assets (seed 000 item 13, 003 items 22-24)';
export const BANKR = 'Bankruptcy: investigate the debtor enterprise (seed 000 items 14, 18, 20)';
export const ASSET = `${EXEC}; ${BANKR}`;
/** Subject data: AUDITOR and ADMIN never read records (separation of duties). */
export const caseReaders = allow('CLERK', 'ADMINISTRATOR');
