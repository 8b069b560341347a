import { createHash } from 'node:crypto';
import { getNamedType, isEnumType, isInputObjectType, isListType, isNonNullType, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { outcomeFor } from '../../src/auth/policy';
import { ROLES } from '../../src/entities/hub/user.entity';
import { residentId } from '../../src/seed/chinese';
import { DEMO, DEMO_USERS, demoIdentities } from '../../src/seed/demo-data';
import { Random } from '../../src/seed/random';
import { buildBaseSchema } from '../../src/schema/build-schema';
import { codes, startTestHub, type GraphQLResponse, type TestHub } from '../support/test-hub';

// Attack inputs against a hub started as in production: each is answered with a clear code, below 500, without a
// stack trace or internals. The per-user subject-read limit is set low here to see it refuse.

const READ_LIMIT = 4;
const p = demoIdentities();
const freshPerson = residentId(new Random('hardening-test'), '341524', new Date(Date.UTC(1991, 3, 3)), 'M');
const SQL = ["' OR '1'='1", '1; DROP TABLE subject; --', "x'); SELECT pg_sleep(30); --", '$1 UNION SELECT id_number FROM subject'];
const CASE_QUERY = `query ($caseNo: String!) { executionCase(caseNo: $caseNo) { caseNo respondents { name } } }`;

function expectClean(res: GraphQLResponse, expected: string[]) {
  expect(res.status).toBeLessThan(500);
  expect(codes(res)).toEqual(expected);
  const text = JSON.stringify(res.body);
  expect(text).not.toMatch(/stacktrace|\bat \S+ \(|node_modules|QueryFailedError|SELECT |INSERT |\/work\//);
}

describe('hardening (NODE_ENV=production)', () => {
  let t: TestHub;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    schema = await buildBaseSchema();
    t = await startTestHub({ NODE_ENV: 'production', LOG_LEVEL: 'silent', SUBJECT_READ_RATE_LIMIT: String(READ_LIMIT) });
  });
  afterAll(async () => {
    await t?.stop();
  });

  describe('query limits', () => {
    it('refuses an alias bomb', async () => {
      const query = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: me { username }`).join(' ')} }`;
      const res = await t.gql(query, { as: 'demo-clerk' });
      expectClean(res, ['QUERY_TOO_COMPLEX']);
      expect(res.body.data ?? null).toBeNull();
    });

    it('refuses nesting deeper than the depth limit', async () => {
      const query = `{ me { ${'organisation { '.repeat(15)}name${' }'.repeat(15)} } }`;
      const res = await t.gql(query, { as: 'demo-clerk' });
      expect(res.status).toBe(400);
      expect(codes(res)).toContain('QUERY_TOO_COMPLEX');
      expectClean(
        res,
        codes(res).filter((c) => ['QUERY_TOO_COMPLEX', 'GRAPHQL_VALIDATION_FAILED'].includes(c)),
      );
    });

    it('refuses a query whose cost exceeds the limit', async () => {
      const respondents =
        'respondents { name realEstate { location encumbrances { kind holder } } vehicles { plate encumbrances { kind } } tax { arrears { amount } refundsDue { amount } } credit { dishonestEntries { caseNo } } }';
      const res = await t.gql(`{ myExecutionCases(first: 100) { edges { node { caseNo ${respondents} } } } }`, { as: 'demo-clerk' });
      expectClean(res, ['QUERY_TOO_COMPLEX']);
    });

    it('refuses a document with more tokens than the limit', async () => {
      const res = await t.gql(`{ me { ${'username '.repeat(3500)} } }`, { as: 'demo-clerk' });
      expectClean(res, ['QUERY_TOO_COMPLEX']);
    });

    it('refuses a body over the size cap with 413', async () => {
      const res = await t.gql(`{ me { username } } # ${'x'.repeat(70 * 1024)}`, { as: 'demo-clerk' });
      expect(res.status).toBe(413);
      expectClean(res, ['BAD_USER_INPUT']);
    });

    it('refuses more directives than the limit', async () => {
      const res = await t.gql(`{ me { username ${'@include(if: true) '.repeat(30)} } }`, { as: 'demo-clerk' });
      expect(codes(res)).toContain('QUERY_TOO_COMPLEX');
      expect(res.status).toBeLessThan(500);
    });

    it('refuses batched requests', async () => {
      const token = await t.token('demo-clerk');
      const res = await t.post(JSON.stringify([{ query: '{ me { username } }' }, { query: '{ me { role } }' }]), {
        authorization: `Bearer ${token}`,
      });
      expect(res.status).toBe(400);
      expectClean(res, ['BAD_USER_INPUT']);
    });
  });

  describe('production mode', () => {
    it.each([
      ['__schema', '{ __schema { types { name } } }'],
      ['__type', '{ __type(name: "Subject") { fields { name } } }'],
    ])('refuses introspection through %s', async (_label, query) => {
      const res = await t.gql(query, { as: 'demo-admin' });
      expect(res.status).toBe(400);
      expectClean(res, ['GRAPHQL_VALIDATION_FAILED']);
    });

    it('names no other field when a field is misspelt', async () => {
      const res = await t.gql('{ me { usernam } }', { as: 'demo-clerk' });
      expectClean(res, ['GRAPHQL_VALIDATION_FAILED']);
      expect(res.body.errors![0].message).not.toMatch(/Did you mean|username/);
    });

    it('suggests no enum value either, in a literal or in a variable', async () => {
      const literal = await t.gql('{ accessPolicy(role: ADMINISTRATR) { field } }', { as: 'demo-auditor' });
      expectClean(literal, ['GRAPHQL_VALIDATION_FAILED']);
      const variable = await t.gql('query ($r: Role) { accessPolicy(role: $r) { field } }', { as: 'demo-auditor', variables: { r: 'ADMINISTRATR' } });
      expectClean(variable, ['BAD_USER_INPUT']);
      for (const res of [literal, variable]) expect(res.body.errors![0].message).not.toMatch(/Did you mean|"ADMINISTRATOR"/);
    });

    it('has automatic persisted queries off, refused with BAD_USER_INPUT and the reason', async () => {
      const query = '{ me { username } }';
      const sha256Hash = createHash('sha256').update(query).digest('hex');
      const authorization = `Bearer ${await t.token('demo-clerk')}`;
      for (const body of [
        { extensions: { persistedQuery: { version: 1, sha256Hash } } },
        { query, extensions: { persistedQuery: { version: 1, sha256Hash } } },
      ]) {
        const res = await t.post(JSON.stringify(body), { authorization });
        expectClean(res, ['BAD_USER_INPUT']);
        expect(res.body.errors![0].extensions).toMatchObject({ reason: 'PERSISTED_QUERY_NOT_SUPPORTED' });
        expect(res.body.data ?? null).toBeNull();
      }
    });

    it('sends no ETag beside an answer: no hash of a viewer’s answer travels in a header', async () => {
      const res = await t.gql('{ me { username role } }', { as: 'demo-clerk' });
      expect(res.body.data?.me).toEqual({ username: 'demo-clerk', role: 'CLERK' });
      expect(res.headers.get('etag')).toBeNull();
      const health = await fetch(t.hub.url.replace(/\/graphql$/, '/healthz'));
      expect(health.status).toBe(200);
      expect(health.headers.get('etag')).toBeNull();
    });

    it('refuses a simple GET that a browser could send cross-site (CSRF)', async () => {
      const res = await fetch(`${t.hub.url}?query=${encodeURIComponent('{ me { username } }')}`, {
        headers: { authorization: `Bearer ${await t.token('demo-clerk')}` },
      });
      expect(res.status).toBe(400);
      expect(await res.text()).not.toMatch(/"username"/);
    });
  });

  describe('arguments', () => {
    it('answers a case number with a wrong case type, an over-long one and a 60 kB one with BAD_USER_INPUT naming caseNo', async () => {
      for (const caseNo of ['(2024)皖1524破1号', `(2024)皖1524执${'9'.repeat(2000)}号`, 'x'.repeat(60 * 1024)]) {
        const res = await t.gql(CASE_QUERY, { as: 'demo-clerk', variables: { caseNo } });
        expectClean(res, ['BAD_USER_INPUT']);
        expect(res.body.errors![0].extensions!.argument).toBe('caseNo');
      }
    });

    it('answers an ID number with a wrong check digit with BAD_USER_INPUT naming it', async () => {
      const bad = p.liNa.id.slice(0, 17) + (p.liNa.id[17] === '1' ? '2' : '1');
      const res = await t.gql(`mutation ($input: CreateExecutionCaseInput!) { createExecutionCase(input: $input) { caseNo } }`, {
        as: 'demo-admin',
        variables: {
          input: { caseNo: '(2024)皖1524执500号', filedOn: '2024-05-05', amountDue: '1000', respondents: [{ idNumber: bad, name: '李娜' }] },
        },
      });
      expectClean(res, ['BAD_USER_INPUT']);
      expect(res.body.errors![0]).toMatchObject({
        message: expect.stringMatching(/check digit/),
        extensions: { argument: 'input.respondents[0].idNumber' },
      });
    });

    it('answers over-long text with BAD_USER_INPUT naming the field', async () => {
      const res = await t.gql(`mutation ($input: CreateUserInput!) { createUser(input: $input) { username } }`, {
        as: 'demo-admin',
        variables: { input: { username: 'long-name', displayName: '名'.repeat(10_000), role: 'CLERK', organisationCode: '皖1524' } },
      });
      expectClean(res, ['BAD_USER_INPUT']);
      expect(res.body.errors![0].extensions!.argument).toBe('input.displayName');
    });

    it('answers SQL-looking strings in every string argument of every operation without an internal error', async () => {
      const before = await t.hub.hub.query('SELECT count(*)::int AS n FROM subject');
      const attempts = stringArguments(schema);
      expect(attempts.length).toBeGreaterThan(20);
      let n = 0;
      for (const { operation, root, path } of attempts) {
        for (const payload of SQL) {
          n += 1;
          const { query, variables, as } = baseRequest(schema, operation, root, n);
          setPath(variables, path, payload);
          const res = await t.gql(query, { as, variables });
          const label = `${root}(${path.join('.')}) = ${payload}`;
          expect([label, res.status < 500, codes(res).filter((c) => !['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN'].includes(c))]).toEqual([
            label,
            true,
            [],
          ]);
          expectClean(res, codes(res));
        }
      }
      // Where such a string is legitimate text (a name), it is stored verbatim, as data.
      const stored = await t.hub.hub.query('SELECT count(*)::int AS n FROM organisation WHERE name = ANY($1)', [SQL]);
      expect(stored[0].n).toBe(SQL.length);
      // The only subject added is the one valid respondent of the accepted filings; the table is intact.
      const after = await t.hub.hub.query('SELECT count(*)::int AS n FROM subject');
      expect(after[0].n - before[0].n).toBeLessThanOrEqual(1);
      expect((await t.gql(CASE_QUERY, { as: 'demo-clerk', variables: { caseNo: DEMO.clerkCase2 } })).body.data!.executionCase.caseNo).toBe(
        DEMO.clerkCase2,
      );
    });
  });

  describe('values that would reach the database malformed', () => {
    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

    it.each([
      ['demo-clerk', 'myExecutionCases', ['not-a-date', 'not-a-uuid']],
      ['demo-clerk', 'myExecutionCases', ['2024-02-30', '00000000-0000-0000-0000-000000000000']],
      ['demo-administrator', 'myBankruptcyCases', ['2024-01-01', "x' OR 1=1"]],
    ])('answers %s’s %s with a forged cursor %j with BAD_USER_INPUT naming after', async (as, root, value) => {
      const res = await t.gql(`query ($after: String) { ${root}(first: 5, after: $after) { totalCount } }`, {
        as,
        variables: { after: cursor(value) },
      });
      expectClean(res, ['BAD_USER_INPUT']);
      expect(res.body.errors![0].extensions).toMatchObject({ argument: 'after' });
    });

    it.each([
      ['auditEntries(filter: { from: "0000-01-01T00:00:00Z" }) { edges { cursor } }', 'filter.from'],
      ['auditEntries(filter: { to: "0000-12-31T00:00:00Z" }) { edges { cursor } }', 'filter.to'],
      ['auditAlerts(since: "0000-06-01T00:00:00Z", until: "0000-07-01T00:00:00Z") { rule }', 'until'],
    ])('answers %s with BAD_USER_INPUT naming %s', async (field, argument) => {
      const res = await t.gql(`{ ${field} }`, { as: 'demo-auditor' });
      expectClean(res, ['BAD_USER_INPUT']);
      expect(res.body.errors![0].extensions).toMatchObject({ argument });
    });

    it('answers a NUL character in every string argument of every operation with BAD_USER_INPUT naming it', async () => {
      const attempts = stringArguments(schema);
      let n = 1000;
      for (const { operation, root, path } of attempts) {
        n += 1;
        const { query, variables, as } = baseRequest(schema, operation, root, n);
        setPath(variables, path, 'a\u0000b');
        const res = await t.gql(query, { as, variables });
        const label = `${root}(${path.join('.')})`;
        expect([label, res.status < 500, codes(res).filter((c) => !['BAD_USER_INPUT', 'FORBIDDEN'].includes(c))]).toEqual([label, true, []]);
        expectClean(res, codes(res));
      }
    });
  });

  describe('subject-read limit', () => {
    it(`refuses the respondents past ${READ_LIMIT} subject reads a minute with RATE_LIMITED and a retry time, keeping the case`, async () => {
      for (let i = 0; i < READ_LIMIT; i++) {
        const ok = await t.gql(CASE_QUERY, { as: 'demo-clerk-2', variables: { caseNo: DEMO.otherCourtCase } });
        expect(ok.body.errors).toBeUndefined();
      }
      const res = await t.gql(CASE_QUERY, { as: 'demo-clerk-2', variables: { caseNo: DEMO.otherCourtCase } });
      expectClean(res, ['FORBIDDEN']);
      expect(res.body.data).toEqual({ executionCase: { caseNo: DEMO.otherCourtCase, respondents: null } });
      expect(res.body.errors![0]).toMatchObject({ path: ['executionCase', 'respondents'], extensions: { reason: 'RATE_LIMITED' } });
      const retry = res.body.errors![0].extensions!.retryAfterSeconds;
      expect(retry).toBeGreaterThanOrEqual(1);
      expect(retry).toBeLessThanOrEqual(60);
      // Another user's budget is their own.
      expect((await t.gql(CASE_QUERY, { as: 'demo-clerk', variables: { caseNo: DEMO.clerkCase2 } })).body.errors).toBeUndefined();
    });
  });
});

// ---- Every string argument of every root field, from the schema ------------------------------------------------

interface Attempt {
  operation: 'query' | 'mutation';
  root: string;
  /** Variable path to the string, e.g. ['input', 'respondents', 0, 'idNumber']. */
  path: Array<string | number>;
}

function stringArguments(schema: GraphQLSchema): Attempt[] {
  const attempts: Attempt[] = [];
  const walk = (type: GraphQLInputType, path: Array<string | number>, push: (p: Array<string | number>) => void) => {
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) return walk(inner.ofType, [...path, 0], push);
    const named = getNamedType(inner);
    if (isInputObjectType(named)) {
      for (const f of Object.values(named.getFields())) walk(f.type, [...path, f.name], push);
    } else if (named.name === 'String') {
      push(path);
    }
  };
  for (const [operation, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      for (const arg of field.args) walk(arg.type, [arg.name], (path) => attempts.push({ operation, root: field.name, path }));
    }
  }
  return attempts;
}

/** A request that would pass validation, for the root field, as a user allowed to call it. */
function baseRequest(schema: GraphQLSchema, operation: 'query' | 'mutation', root: string, n: number) {
  const BASES: Record<string, { as: string; variables: Record<string, unknown> }> = {
    executionCase: { as: 'demo-clerk', variables: { caseNo: DEMO.clerkCase } },
    myExecutionCases: { as: 'demo-clerk', variables: { after: null } },
    bankruptcyCase: { as: 'demo-administrator', variables: { caseNo: DEMO.bankruptcyCase } },
    myBankruptcyCases: { as: 'demo-administrator', variables: { after: null } },
    createOrganisation: { as: 'demo-admin', variables: { input: { code: `SQL-${n}`, name: '测试机构', kind: 'AGENCY' } } },
    disableOrganisation: { as: 'demo-admin', variables: { code: 'NO-SUCH-ORG' } },
    createUser: {
      as: 'demo-admin',
      variables: { input: { username: `sql-user-${n}`, displayName: '测试', role: 'CLERK', organisationCode: '皖1524' } },
    },
    disableUser: { as: 'demo-admin', variables: { username: 'no-such-user' } },
    createExecutionCase: {
      as: 'demo-admin',
      variables: {
        input: {
          caseNo: `(2024)皖1524执${1000 + n}号`,
          filedOn: '2024-05-05',
          amountDue: '100',
          respondents: [{ idNumber: freshPerson, name: '测试' }],
        },
      },
    },
    assignClerk: { as: 'demo-admin', variables: { caseNo: DEMO.clerkCase, username: 'no-such-user' } },
    unassignClerk: { as: 'demo-admin', variables: { caseNo: DEMO.clerkCase, username: 'no-such-user' } },
    closeExecutionCase: { as: 'demo-admin', variables: { caseNo: '(2024)皖1524执99999号' } },
    createBankruptcyCase: {
      as: 'demo-admin',
      variables: {
        input: {
          caseNo: `(2024)皖1524破${100 + n}号`,
          acceptedOn: '2024-05-05',
          acceptanceRulingNo: '(2024)皖1524破申9号',
          debtor: { idNumber: p.yongan.id, name: p.yongan.name },
        },
      },
    },
    appointAdministrator: {
      as: 'demo-admin',
      variables: {
        input: {
          caseNo: '(2024)皖1524破99999号',
          firmCode: 'AF-3415-001',
          decisionNo: '(2024)皖1524破99999号之一',
          validFrom: '2024-05-06',
          validTo: null,
        },
      },
    },
    endAppointment: { as: 'demo-admin', variables: { caseNo: '(2024)皖1524破99999号', firmCode: 'AF-3415-001' } },
    closeBankruptcyCase: {
      as: 'demo-admin',
      variables: { caseNo: '(2024)皖1524破99999号', input: { outcome: 'DISMISSED', rulingNo: '(2024)皖1524破99999号之二', date: '2024-06-01' } },
    },
  };
  const rootType = (operation === 'query' ? schema.getQueryType() : schema.getMutationType())!;
  const field = rootType.getFields()[root];
  // Operations without a hand-made base get a generic one: the attack still reaches them, if perhaps not first.
  const base = BASES[root] ?? {
    as: DEMO_USERS[ROLES.find((r) => outcomeFor(r, `${rootType.name}.${root}`) !== 'DENY') ?? 'CLERK'],
    variables: Object.fromEntries(field.args.map((a) => [a.name, sampleValue(a.type)])),
  };
  const declared = field.args.filter((a) => a.name in base.variables);
  const query = `${operation} (${declared.map((a) => `$${a.name}: ${a.type}`).join(', ')}) { ${root}(${declared.map((a) => `${a.name}: $${a.name}`).join(', ')}) { __typename } }`;
  return { as: base.as, query, variables: structuredClone(base.variables) };
}

const SAMPLES: Record<string, unknown> = { String: 'x', ID: 'x', Int: 1, Float: 1, Boolean: false, LocalDate: '2024-01-01', Decimal: '1' };

function sampleValue(type: GraphQLInputType): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [sampleValue(inner.ofType)];
  if (isInputObjectType(inner)) return Object.fromEntries(Object.values(inner.getFields()).map((f) => [f.name, sampleValue(f.type)]));
  if (isEnumType(inner)) return inner.getValues()[0].value;
  return SAMPLES[inner.name] ?? 'x';
}

function setPath(target: Record<string, unknown>, path: Array<string | number>, value: unknown): void {
  let node: any = target;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path[path.length - 1]] = value;
}
