import { Client } from 'pg';
import { getNamedType, isObjectType, type GraphQLNamedType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { applyMask } from '../../src/auth/masking/apply-mask';
import { outcomeFor, POLICY } from '../../src/auth/policy';
import { loadConfig } from '../../src/config';
import { ROLES, type Role } from '../../src/entities/hub/user.entity';
import { startHub, type Hub } from '../../src/hub';
import { buildBaseSchema } from '../../src/schema/build-schema';
import { DEMO, DEMO_USERS, demoIdentities } from '../../src/seed/demo-data';
import { NO_CASE_ACCESS } from '../../src/services/execution-case.service';
import { HUB_DATABASE, SOURCE_DATABASES, SOURCE_NAMES } from '../../src/sources/source-name';
import { startTestHub, type GraphQLResponse, type TestHub } from '../support/test-hub';

// The full role × subject field × situation matrix over HTTP. What each role must see is computed from the policy
// table; what there is to see comes from an oracle: a second hub on the same databases with the shield switched off
// (SHIELD_DISABLED_FOR_BENCHMARK), asked the same question by the same user. A table change changes the expectations;
// a broken shield or mask makes the enforced answer differ from the table applied to the oracle's.

const p = demoIdentities();
const VOLATILE = new Set(['SourceStatus.latencyMs']);

// Cases the admin operations create in beforeAll, for the situations the demo data lacks.
const UNAPPOINTED = '(2024)皖1524破5号';
const CLOSED_BANKRUPTCY = '(2024)皖1524破6号';
const ENDED_APPOINTMENT = '(2024)皖1524破7号';

type Root = 'executionCase' | 'bankruptcyCase';
const SITUATIONS: Record<string, Array<[Root, string]>> = {
  bound: [
    ['executionCase', DEMO.clerkCase],
    ['executionCase', DEMO.clerkCase2],
    ['bankruptcyCase', DEMO.bankruptcyCase],
  ],
  unbound: [
    ['executionCase', DEMO.otherCourtCase],
    ['bankruptcyCase', UNAPPOINTED],
  ],
  'closed case': [
    ['executionCase', DEMO.closedCase],
    ['bankruptcyCase', CLOSED_BANKRUPTCY],
  ],
  'expired appointment': [
    ['bankruptcyCase', DEMO.expiredBankruptcyCase],
    ['bankruptcyCase', ENDED_APPOINTMENT],
  ],
};
/** The only (role, case) pairs with a legal basis: the services' binding, stated independently of the oracle. */
const LEGAL_BASIS = new Set([`CLERK ${DEMO.clerkCase}`, `CLERK ${DEMO.clerkCase2}`, `ADMINISTRATOR ${DEMO.bankruptcyCase}`]);

function selectAll(type: GraphQLObjectType): string {
  return Object.values(type.getFields())
    .map((f) => {
      const named = getNamedType(f.type);
      return isObjectType(named) ? `${f.name} { ${selectAll(named)} }` : f.name;
    })
    .join(' ');
}

function documentFor(schema: GraphQLSchema, cases: Array<[Root, string]>) {
  const subject = selectAll(schema.getType('Subject') as GraphQLObjectType);
  const parties: Record<Root, string> = { executionCase: 'respondents', bankruptcyCase: 'debtor' };
  const query = `query (${cases.map((_, i) => `$c${i}: String!`).join(', ')}) {
    ${cases.map(([root], i) => `a${i}: ${root}(caseNo: $c${i}) { caseNo ${parties[root]} { ${subject} } }`).join('\n')} }`;
  return { query, variables: Object.fromEntries(cases.map(([, caseNo], i) => [`c${i}`, caseNo])) };
}

interface Expectation {
  data: Record<string, unknown>;
  errors: string[];
  /** Type.field with a non-null value the role is shown (allowed or masked). */
  shown: Set<string>;
}

/** The policy table applied to the oracle's answer: what the enforced answer must be, exactly. */
function expectationFor(schema: GraphQLSchema, role: Role, cases: Array<[Root, string]>, oracle: GraphQLResponse): Expectation {
  const errors: string[] = [];
  const shown = new Set<string>();
  const project = (type: GraphQLObjectType, value: Record<string, unknown>, path: Array<string | number>) => {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const typeField = `${type.name}.${key}`;
      const outcome = outcomeFor(role, typeField);
      const here = [...path, key];
      if (outcome === 'DENY') {
        out[key] = null;
        errors.push(`FORBIDDEN ${here.join('.')}`);
        continue;
      }
      if (v !== null) shown.add(typeField);
      out[key] =
        outcome === 'MASK' ? applyMask(POLICY[typeField].mask!, v) : projectValue(getNamedType(type.getFields()[key].type), v, here, typeField);
    }
    return out;
  };
  const projectValue = (named: GraphQLNamedType, v: unknown, path: Array<string | number>, typeField: string): unknown => {
    if (v === null) return null;
    if (Array.isArray(v)) return v.map((item, i) => projectValue(named, item, [...path, i], typeField));
    if (isObjectType(named)) return project(named, v as Record<string, unknown>, path);
    return VOLATILE.has(typeField) ? expect.anything() : v;
  };

  const data: Record<string, unknown> = {};
  cases.forEach(([root], i) => {
    const alias = `a${i}`;
    const truth = oracle.body.data?.[alias] ?? null;
    if (outcomeFor(role, `Query.${root}`) === 'DENY' || truth === null) {
      data[alias] = null;
      errors.push(`FORBIDDEN ${alias}`);
    } else {
      data[alias] = project(schema.getQueryType()!.getFields()[root].type as GraphQLObjectType, truth, [alias]);
    }
  });
  return { data, errors: errors.sort(), shown };
}

/** Subject-data fields a role may be shown, reachable from a subject through fields it is not denied. */
function showableSubjectFields(schema: GraphQLSchema, role: Role): string[] {
  const found = new Set<string>();
  const seen = new Set<string>();
  const visit = (type: GraphQLObjectType) => {
    if (seen.has(type.name)) return;
    seen.add(type.name);
    for (const field of Object.values(type.getFields())) {
      const typeField = `${type.name}.${field.name}`;
      if (outcomeFor(role, typeField) === 'DENY') continue;
      found.add(typeField);
      const named = getNamedType(field.type);
      if (isObjectType(named)) visit(named);
    }
  };
  visit(schema.getType('Subject') as GraphQLObjectType);
  return [...found].filter((f) => POLICY[f]?.subjectData).sort();
}

const errorList = (res: GraphQLResponse) => (res.body.errors ?? []).map((e) => `${e.extensions?.code} ${(e.path ?? []).join('.')}`).sort();

describe('authorization matrix over HTTP: every role × every subject field × bound / unbound / closed / expired', () => {
  let t: TestHub;
  let oracle: Hub;
  let schema: GraphQLSchema;
  const answers = new Map<string, { enforced: GraphQLResponse; truth: GraphQLResponse }>();

  async function ask(role: Role, situation: string) {
    const key = `${role} ${situation}`;
    if (!answers.has(key)) {
      const { query, variables } = documentFor(schema, SITUATIONS[situation]);
      const token = await t.token(DEMO_USERS[role]);
      const [enforced, truthRes] = await Promise.all([
        t.gql(query, { as: DEMO_USERS[role], variables }),
        fetch(oracle.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
        }),
      ]);
      answers.set(key, {
        enforced,
        truth: { status: truthRes.status, headers: truthRes.headers, body: (await truthRes.json()) as GraphQLResponse['body'] },
      });
    }
    return answers.get(key)!;
  }

  beforeAll(async () => {
    schema = await buildBaseSchema();
    t = await startTestHub();
    await addRecordsTheDemoLacks(t);
    await createSituationCases(t);
    // Same databases and token key as the hub under test; a second hub rather than a second startTestHub.
    oracle = await startHub(
      loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        DATA_DIR: t.config.dataDir,
        SEED_DEMO: 'false',
        MIGRATE_SOURCES: 'false',
        ...databaseEnv(t),
        SHIELD_DISABLED_FOR_BENCHMARK: 'true',
        AUDIT_DISABLED_FOR_BENCHMARK: 'true',
        SUBJECT_READ_RATE_LIMIT: '0',
      }),
    );
  });
  afterAll(async () => {
    await oracle?.stop();
    await t?.stop();
  });

  describe.each(ROLES.map((role) => [role]))('%s', (role) => {
    it.each(Object.keys(SITUATIONS))('sees every subject field exactly as the table says: %s', async (situation) => {
      const { enforced, truth } = await ask(role, situation);
      // The oracle binds exactly the pairs with a legal basis and answers without errors there.
      SITUATIONS[situation].forEach(([, caseNo], i) => {
        expect([caseNo, truth.body.data?.[`a${i}`] !== null]).toEqual([caseNo, LEGAL_BASIS.has(`${role} ${caseNo}`)]);
      });
      expect(errorList(truth).filter((e) => !/^FORBIDDEN a\d+$/.test(e))).toEqual([]);

      const expected = expectationFor(schema, role, SITUATIONS[situation], truth);
      expect(enforced.status).toBe(200);
      expect(enforced.body.data).toEqual(expected.data);
      expect(errorList(enforced)).toEqual(expected.errors);
      if (situation !== 'bound') expect(Object.values(enforced.body.data!)).toEqual(SITUATIONS[situation].map(() => null));
    });

    it('has demo data behind every field the table shows it, so no ALLOW or MASK is checked against nothing', async () => {
      const { truth } = await ask(role, 'bound');
      const { shown } = expectationFor(schema, role, SITUATIONS.bound, truth);
      expect(showableSubjectFields(schema, role).filter((f) => !shown.has(f))).toEqual([]);
    });
  });

  it('shows a clerk the concrete demo values the table allows and refuses the rest at their paths', async () => {
    const { enforced, truth } = await ask('CLERK', 'bound');
    // The oracle really is unshielded: it answers what the clerk is refused.
    expect((truth.body.data!.a0 as { respondents: any[] }).respondents[0].socialSecurity.medical).toMatchObject({ plan: '城镇职工基本医疗保险' });
    const [zhang, huaxing] = (enforced.body.data!.a0 as { respondents: any[] }).respondents;
    expect(zhang).toMatchObject({
      name: '张伟',
      idNumber: p.zhangWei.id,
      phone: '13805641234',
      address: '安徽省六安市金寨县梅山镇红军路128号3栋502室',
    });
    expect(zhang.socialSecurity).toMatchObject({
      insuredStatus: 'INSURED',
      contributionBase: '9800.00',
      employer: { idNumber: p.huaxing.id },
      medical: null,
    });
    expect(huaxing.tax).toMatchObject({
      creditGrade: 'C',
      filings: null,
      legalRepresentative: { name: '张伟', idNumber: p.zhangWei.id, phone: '13805641234' },
    });
    expect(huaxing.socialSecurity.employees).toBeNull();
    const forbidden = errorList(enforced);
    expect(forbidden).toContain('FORBIDDEN a0.respondents.0.socialSecurity.medical');
    expect(forbidden).toContain('FORBIDDEN a0.respondents.1.tax.filings');
    expect(forbidden).toContain('FORBIDDEN a2');
  });

  it('shows an administrator the debtor’s records, a linked person’s name, a masked resident ID and no contacts', async () => {
    const { enforced } = await ask('ADMINISTRATOR', 'bound');
    const debtor = (enforced.body.data!.a2 as { debtor: any }).debtor;
    expect(debtor).toMatchObject({ kind: 'ENTERPRISE', name: '金寨县宏达茶业有限公司', idNumber: p.hongda.id, phone: null, address: null });
    expect(debtor.tax.filings).toHaveLength(3);
    expect(debtor.tax.legalRepresentative).toEqual({
      name: '陈静',
      idNumber: `${p.chenJing.id.slice(0, 4)}**********${p.chenJing.id.slice(-4)}`,
      phone: null,
      address: null,
    });
    expect(debtor.socialSecurity).toMatchObject({
      insuredEmployeeCount: 4,
      arrearsAmount: '58230.00',
      insuredStatus: null,
      employer: null,
      medical: null,
    });
    for (const employee of debtor.socialSecurity.employees) expect(employee.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(errorList(enforced)).toContain('FORBIDDEN a2.debtor.tax.legalRepresentative.phone');
    expect(errorList(enforced)).toEqual(expect.arrayContaining(['FORBIDDEN a0', 'FORBIDDEN a1']));
  });

  it('answers a refused case with the same words whether it is unbound, closed or expired', async () => {
    for (const situation of ['unbound', 'closed case', 'expired appointment']) {
      const { enforced } = await ask('CLERK', situation);
      const refusals = (enforced.body.errors ?? []).filter((e) => SITUATIONS[situation][Number(String(e.path![0]).slice(1))][0] === 'executionCase');
      for (const e of refusals) expect(e.message).toBe(NO_CASE_ACCESS);
    }
    const { enforced } = await ask('ADMINISTRATOR', 'expired appointment');
    expect(enforced.body.errors!.map((e) => e.message)).toEqual([NO_CASE_ACCESS, NO_CASE_ACCESS]);
  });

  describe('accessPolicy', () => {
    const Q = '{ accessPolicy { role field outcome reason mask subjectData } }';

    it.each(['demo-auditor', 'demo-admin'])('publishes the whole table to %s', async (as) => {
      const res = await t.gql(Q, { as });
      expect(res.body.errors).toBeUndefined();
      const rows = res.body.data!.accessPolicy as Array<Record<string, unknown>>;
      expect(rows).toHaveLength(Object.keys(POLICY).length * ROLES.length);
      expect(rows).toContainEqual({
        role: 'ADMINISTRATOR',
        field: 'LinkedPerson.idNumber',
        outcome: 'MASK',
        reason: POLICY['LinkedPerson.idNumber'].reason,
        mask: 'idNumber',
        subjectData: true,
      });
      expect(rows.filter((r) => r.field === 'SocialSecurity.medical').map((r) => r.outcome)).toEqual(ROLES.map(() => 'DENY'));
    });

    it('filters by role', async () => {
      const res = await t.gql('{ accessPolicy(role: CLERK) { role } }', { as: 'demo-auditor' });
      expect(new Set((res.body.data!.accessPolicy as Array<{ role: string }>).map((r) => r.role))).toEqual(new Set(['CLERK']));
    });

    it.each(['demo-clerk', 'demo-administrator'])('refuses the table to %s', async (as) => {
      const res = await t.gql(Q, { as });
      expect(errorList(res)).toEqual(['FORBIDDEN accessPolicy']);
      expect(res.body.data).toEqual({ accessPolicy: null });
    });
  });
});

function databaseEnv(t: TestHub): Record<string, string> {
  return {
    [HUB_DATABASE.envVar]: t.dbUrls.hub,
    ...Object.fromEntries(SOURCE_NAMES.map((s) => [SOURCE_DATABASES[s].envVar, t.dbUrls[s]])),
  };
}

async function sql(url: string, statements: Array<[string, unknown[]]>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (const [text, params] of statements) await client.query(text, params);
  } finally {
    await client.end();
  }
}

/** Records on fields the demo data leaves empty, so every field a role may see has a value to check. */
async function addRecordsTheDemoLacks(t: TestHub): Promise<void> {
  const urls = t.dbUrls;
  await sql(urls.credit, [
    [
      `INSERT INTO credit_repair (subject_id_number, basis_case_no, authority, description, repaired_on) VALUES ($1, $2, '金寨县发展和改革委员会', '履行完毕后修复公共信用记录', '2024-08-01')`,
      [p.huaxing.id, DEMO.clerkCase],
    ],
    [
      `INSERT INTO dishonest_debtor_entry (subject_id_number, subject_name, court, case_no, obligation, circumstance, listed_on, removed_on)
      VALUES ($1, $2, '金寨县人民法院', '(2021)皖1524执40号', '支付工程款', '违反财产报告制度', '2021-09-01', '2022-03-15'),
             ($3, $4, '金寨县人民法院', '(2020)皖1524执12号', '支付货款', '违反限制消费令', '2020-05-06', '2021-01-20')`,
      [p.zhangWei.id, p.zhangWei.name, p.hongda.id, p.hongda.name],
    ],
    [
      `INSERT INTO consumption_restriction (subject_id_number, court, case_no, issued_on, lifted_on)
      VALUES ($1, '金寨县人民法院', '(2021)皖1524执40号', '2021-09-05', '2022-03-15'), ($2, '金寨县人民法院', '(2020)皖1524执12号', '2020-05-10', '2021-01-20')`,
      [p.zhangWei.id, p.hongda.id],
    ],
    [
      `INSERT INTO administrative_penalty (subject_id_number, authority, decision_no, reason, fine, decided_on) VALUES ($1, '金寨县市场监督管理局', '金市监罚〔2022〕8号', '未按期年报', '3000.00', '2022-07-01')`,
      [p.hongda.id],
    ],
  ]);
  await sql(urls.property, [
    [
      `INSERT INTO real_estate_encumbrance (unit_id, kind, holder, case_no, amount, registered_on, expires_on, released_on)
      SELECT id, 'SEIZURE', '金寨县人民法院', '(2023)皖1524执301号', NULL, '2023-04-01', '2026-03-31', '2024-01-10' FROM real_estate_unit WHERE owner_id_number = $1`,
      [p.hongda.id],
    ],
    [
      `INSERT INTO real_estate_encumbrance (unit_id, kind, holder, case_no, amount, registered_on, expires_on, released_on)
      SELECT id, 'MORTGAGE', '金寨县农商银行', NULL, '300000.00', '2017-01-05', '2022-01-04', '2022-01-04' FROM real_estate_unit WHERE owner_id_number = $1`,
      [p.huaxing.id],
    ],
  ]);
  await sql(urls.socialSecurity, [
    [`UPDATE insured_employer SET arrears_amount = '12400.00', arrears_since = '2024-02-01' WHERE id_number = $1`, [p.huaxing.id]],
  ]);
}

async function createSituationCases(t: TestHub): Promise<void> {
  const admin = async (query: string, input: Record<string, unknown>) => {
    const res = await t.gql(query, { as: 'demo-admin', variables: { input } });
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  };
  const create = `mutation ($input: CreateBankruptcyCaseInput!) { createBankruptcyCase(input: $input) { caseNo } }`;
  const appoint = `mutation ($input: AppointAdministratorInput!) { appointAdministrator(input: $input) { caseNo } }`;
  const debtor = { idNumber: p.yongan.id, name: p.yongan.name };
  for (const [caseNo, n] of [
    [UNAPPOINTED, 5],
    [CLOSED_BANKRUPTCY, 6],
    [ENDED_APPOINTMENT, 7],
  ] as const) {
    await admin(create, { caseNo, acceptedOn: '2024-05-06', acceptanceRulingNo: `(2024)皖1524破申${n}号`, debtor });
  }
  for (const caseNo of [CLOSED_BANKRUPTCY, ENDED_APPOINTMENT]) {
    await admin(appoint, { caseNo, firmCode: 'AF-3415-001', decisionNo: `${caseNo}之一`, validFrom: '2024-05-08', validTo: null });
  }
  const res = await t.gql(
    `mutation { closeBankruptcyCase(caseNo: "${CLOSED_BANKRUPTCY}", input: { outcome: DISMISSED, rulingNo: "${CLOSED_BANKRUPTCY}之二", date: "2024-06-01" }) { status } endAppointment(caseNo: "${ENDED_APPOINTMENT}", firmCode: "AF-3415-001") { caseNo } }`,
    { as: 'demo-admin' },
  );
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
}
