import { getNamedType, isNonNullType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { auditedQueries, auditedQueryKind, may, outcomeFor, POLICY } from '../../src/auth/policy';
import { allow, mask, nobody } from '../../src/auth/policy-rules';
import { ROLES, type Role } from '../../src/entities/hub/user.entity';
import { buildBaseSchema } from '../../src/schema/build-schema';

async function schemaFields(): Promise<string[]> {
  const schema = await buildBaseSchema();
  return Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((t) => !t.name.startsWith('__'))
    .flatMap((t) => Object.keys(t.getFields()).map((f) => `${t.name}.${f}`))
    .sort();
}

/** The courts’ and agencies’ mutations (control orders, bankruptcy coordination) and the only roles that may call them. */
const CONTROL_MUTATIONS: Record<string, Role[]> = {
  draftControlOrder: ['CLERK'],
  submitControlOrder: ['CLERK'],
  renewControlOrder: ['CLERK'],
  releaseControlOrder: ['CLERK'],
  approveControlOrder: ['APPROVER'],
  rejectControlOrder: ['APPROVER'],
  answerAssistanceRequest: ['AGENCY'],
  markNotificationsRead: ROLES,
  // Bankruptcy coordination: courts release and decide, never the operator.
  releaseFromTask: ['CLERK'],
  recordOutsideRelease: ['CLERK'],
  proposeBankruptcyTransfer: ['CLERK'],
  acceptBankruptcyTransfer: ['JUDGE'],
  returnBankruptcyTransfer: ['JUDGE'],
};
/** Bankruptcy coordination: the administrator decides the claims and asks for credit repair; agencies file by hand. */
const CLAIM_MUTATIONS: Record<string, Role[]> = {
  confirmClaim: ['ADMINISTRATOR'],
  disputeClaim: ['ADMINISTRATOR'],
  requestCreditRepair: ['ADMINISTRATOR'],
  fileClaim: ['AGENCY'],
  answerCreditRepair: ['AGENCY'],
};

/** The list checks' mutations: agencies check and report; the operator declares an agency's purposes. */
const CHECK_MUTATIONS: Record<string, Role[]> = {
  checkDishonest: ['AGENCY'],
  reportCheckOutcome: ['AGENCY'],
  declareCheckPurposes: ['ADMIN'],
};

describe('access policy table', () => {
  it('has a rule for every field of every type for every role', async () => {
    const missing = (await schemaFields()).filter((f) => !POLICY[f] || ROLES.some((r) => !POLICY[f].outcomes[r]));
    expect(missing).toEqual([]);
  });

  it('names no field the schema does not have', async () => {
    const fields = new Set(await schemaFields());
    expect(Object.keys(POLICY).filter((f) => !fields.has(f))).toEqual([]);
  });

  it('gives every rule a reason and every MASK a mask', () => {
    for (const [field, rule] of Object.entries(POLICY)) {
      expect(rule.reason.length).toBeGreaterThan(5);
      if (Object.values(rule.outcomes).includes('MASK')) expect({ field, mask: rule.mask }).toEqual({ field, mask: expect.any(String) });
    }
  });

  it('denies every subject field to auditors and admins', () => {
    const leaks = Object.entries(POLICY)
      .filter(([, r]) => r.subjectData && (r.outcomes.AUDITOR !== 'DENY' || r.outcomes.ADMIN !== 'DENY'))
      .map(([f]) => f);
    expect(leaks).toEqual([]);
  });

  it('makes every field a role can reach but is denied or masked nullable, so the rest of the answer survives', async () => {
    const schema = await buildBaseSchema();
    const offenders = ROLES.flatMap((role) =>
      reachableTypes(schema, role).flatMap((type) =>
        Object.values(type.getFields())
          .filter((f) => outcomeFor(role, `${type.name}.${f.name}`) !== 'ALLOW' && isNonNullType(f.type))
          .map((f) => `${role}: ${type.name}.${f.name}`),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it('lets only the operator reach the admin operations', async () => {
    const mutations = Object.keys((await buildBaseSchema()).getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThan(0);
    // Signing the audit head releases nothing; auditors may fix a checkpoint without depending on the operator.
    const checkpoint = 'createAuditCheckpoint';
    expect(ROLES.filter((r) => outcomeFor(r, `Mutation.${checkpoint}`) !== 'DENY')).toEqual(['AUDITOR', 'ADMIN']);
    // A bankruptcy case ends by its ruling: the operator records it, or the bankruptcy tribunal of the case's court.
    const closing = 'closeBankruptcyCase';
    expect(ROLES.filter((r) => outcomeFor(r, `Mutation.${closing}`) !== 'DENY')).toEqual(['ADMIN', 'JUDGE']);
    for (const m of mutations.filter(
      (name) => name !== checkpoint && name !== closing && !(name in CONTROL_MUTATIONS) && !(name in CHECK_MUTATIONS) && !(name in CLAIM_MUTATIONS),
    )) {
      expect([m, ROLES.filter((r) => outcomeFor(r, `Mutation.${m}`) !== 'DENY')]).toEqual([m, ['ADMIN']]);
    }
  });

  it('separates the duties of control orders: clerks draft, approvers approve, agencies answer', () => {
    for (const [m, roles] of Object.entries(CONTROL_MUTATIONS))
      expect([m, ROLES.filter((r) => outcomeFor(r, `Mutation.${m}`) !== 'DENY')]).toEqual([m, roles]);
  });

  it('lets only agencies check the dishonest-debtor list and report outcomes', () => {
    for (const [m, roles] of Object.entries(CHECK_MUTATIONS))
      expect([m, ROLES.filter((r) => outcomeFor(r, `Mutation.${m}`) !== 'DENY')]).toEqual([m, roles]);
  });

  it('lets administrators decide claims and request credit repair, and agencies answer, and no one else', () => {
    for (const [m, roles] of Object.entries(CLAIM_MUTATIONS))
      expect([m, ROLES.filter((r) => outcomeFor(r, `Mutation.${m}`) !== 'DENY')]).toEqual([m, roles]);
  });

  it('denies by default: a rule gives outcomes only to the roles it names', () => {
    expect(allow('CLERK').and(mask('ADMINISTRATOR')).outcomes()).toEqual({
      CLERK: 'ALLOW',
      ADMINISTRATOR: 'MASK',
      AUDITOR: 'DENY',
      ADMIN: 'DENY',
      APPROVER: 'DENY',
      AGENCY: 'DENY',
      JUDGE: 'DENY',
    });
    expect(Object.values(nobody.outcomes())).toEqual(ROLES.map(() => 'DENY'));
    expect(outcomeFor('CLERK', 'Subject.noSuchField')).toBe('DENY');
  });

  it('answers the services from the same table', () => {
    expect(ROLES.filter((role) => may({ role }, 'Query.executionCase'))).toEqual(['CLERK']);
    expect(ROLES.filter((role) => may({ role }, 'Query.bankruptcyCase'))).toEqual(['ADMINISTRATOR']);
    expect(ROLES.filter((role) => may({ role }, 'Query.auditCheckpoints'))).toEqual(['AUDITOR', 'ADMIN']);
    expect(may({ role: 'ADMIN' }, 'Mutation.noSuchOperation')).toBe(false);
  });

  it('derives the audited root queries from the rules flagged audited', () => {
    const audited = [...auditedQueries()].sort();
    expect(audited).toEqual([
      'auditAlerts',
      'auditEntries',
      'managedBankruptcyCases',
      'managedExecutionCases',
      'managedOrganisations',
      'managedUsers',
      'statistics',
      'subjectAccessHistory',
      'supervision',
      'verifyAuditLog',
    ]);
    // The operator's lists are admin operations; the auditor's queries are audit operations.
    expect(audited.map((q) => `${q} ${auditedQueryKind(q)}`)).toEqual([
      'auditAlerts AUDIT',
      'auditEntries AUDIT',
      'managedBankruptcyCases ADMIN',
      'managedExecutionCases ADMIN',
      'managedOrganisations ADMIN',
      'managedUsers ADMIN',
      'statistics AUDIT',
      'subjectAccessHistory AUDIT',
      'supervision AUDIT',
      'verifyAuditLog AUDIT',
    ]);
  });

  it('lets only the operator reach their lists', async () => {
    const lists = Object.keys((await buildBaseSchema()).getQueryType()!.getFields()).filter((q) => q.startsWith('managed'));
    expect(lists.sort()).toEqual(['managedBankruptcyCases', 'managedExecutionCases', 'managedOrganisations', 'managedUsers']);
    for (const q of lists) expect([q, ROLES.filter((r) => may({ role: r }, `Query.${q}`))]).toEqual([q, ['ADMIN']]);
  });

  // A diff in this snapshot changes who can see what: review it as a permission change, not a snapshot refresh.
  it('matches the reviewed role × field matrix', () => {
    const matrix = Object.keys(POLICY)
      .sort()
      .map((f) => `${f.padEnd(44)} ${ROLES.map((r) => `${r}=${POLICY[f].outcomes[r]}`).join(' ')}`);
    expect(matrix.join('\n')).toMatchSnapshot();
  });
});

/** Object types a role can reach from the root types through fields it is not denied. */
function reachableTypes(schema: GraphQLSchema, role: Role): GraphQLObjectType[] {
  const seen = new Map<string, GraphQLObjectType>();
  const visit = (type: GraphQLObjectType) => {
    if (seen.has(type.name)) return;
    seen.set(type.name, type);
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      if (isObjectType(target) && outcomeFor(role, `${type.name}.${field.name}`) !== 'DENY') visit(target);
    }
  };
  for (const root of [schema.getQueryType(), schema.getMutationType()]) if (root) visit(root);
  return [...seen.values()];
}
