import { randomUUID } from 'node:crypto';
import { residentId, uscc } from '../../src/seed/chinese';
import { DEMO, demoIdentities } from '../../src/seed/demo-data';
import { Random } from '../../src/seed/random';
import { NO_CASE_ACCESS } from '../../src/services/execution-case.service';
import { codes, startTestHub, type GraphQLResponse, type TestHub } from '../support/test-hub';

const rng = new Random('admin-operations-test');
const newPerson = residentId(rng, '341525', new Date(Date.UTC(1986, 6, 1)), 'F');
const newFirmDebtor = uscc(rng, '341525');
const badCheckDigit = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

const COURT = '皖1525';
const CASE = '(2024)皖1525执7号';
const BANKRUPTCY = '(2024)皖1525破2号';

const CREATE_ORG = `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { code name kind disabled } }`;
const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { username role disabled organisation { code } } }`;
const CREATE_CASE = `mutation ($input: CreateExecutionCaseInput!) {
  createExecutionCase(input: $input) { caseNo status filedOn amountDue court { code } respondents { kind name } clerks { username } } }`;
const ASSIGN = `mutation ($caseNo: String!, $username: String!) { assignClerk(caseNo: $caseNo, username: $username) { clerks { username } } }`;
const UNASSIGN = `mutation ($caseNo: String!, $username: String!) { unassignClerk(caseNo: $caseNo, username: $username) { clerks { username } } }`;
const CLOSE = `mutation ($caseNo: String!) { closeExecutionCase(caseNo: $caseNo) { status } }`;
const CREATE_BANKRUPTCY = `mutation ($input: CreateBankruptcyCaseInput!) {
  createBankruptcyCase(input: $input) { caseNo status acceptedOn acceptanceRulingNo debtor { kind name } appointments { decisionNo } } }`;
const APPOINT = `mutation ($input: AppointAdministratorInput!) {
  appointAdministrator(input: $input) { appointments { firm { code } decisionNo validFrom validTo ended } } }`;
const END = `mutation ($caseNo: String!, $firmCode: String!) { endAppointment(caseNo: $caseNo, firmCode: $firmCode) { appointments { ended } } }`;
const CLOSE_BANKRUPTCY = `mutation ($caseNo: String!, $input: CloseBankruptcyCaseInput!) { closeBankruptcyCase(caseNo: $caseNo, input: $input) { status } }`;

const READ_CASE = `query ($caseNo: String!) { executionCase(caseNo: $caseNo) { caseNo respondents { name idNumber } } }`;
const READ_BANKRUPTCY = `query ($caseNo: String!) { bankruptcyCase(caseNo: $caseNo) { caseNo debtor { name idNumber } } }`;

function expectBadInput(res: GraphQLResponse, argument: string, message?: RegExp) {
  expect(res.status).toBeLessThan(500);
  expect(res.body.errors?.map((e) => [e.extensions?.code, e.extensions?.argument])).toEqual([['BAD_USER_INPUT', argument]]);
  if (message) expect(res.body.errors![0].message).toMatch(message);
}

describe('admin operations over HTTP', () => {
  let t: TestHub;
  const admin = (query: string, variables: Record<string, unknown>) => t.gql(query, { as: 'demo-admin', variables });
  const caseInput = (overrides: Record<string, unknown> = {}) => ({
    caseNo: CASE,
    filedOn: '2024-06-03',
    amountDue: '52000.00',
    respondents: [
      { idNumber: newPerson, name: '郑丽' },
      { idNumber: demoIdentities().zhangWei.id, name: '张伟' },
    ],
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestHub();
  });
  afterAll(async () => {
    await t?.stop();
  });

  describe('organisations and users', () => {
    it('registers a court and refuses the same code twice', async () => {
      const res = await admin(CREATE_ORG, { input: { code: COURT, name: '霍山县人民法院', kind: 'COURT' } });
      expect(res.body).toEqual({ data: { createOrganisation: { code: COURT, name: '霍山县人民法院', kind: 'COURT', disabled: false } } });
      expectBadInput(await admin(CREATE_ORG, { input: { code: COURT, name: '又一个法院', kind: 'COURT' } }), 'input.code', /already exists/);
    });

    it.each([
      ['a code with spaces', { code: 'A B', name: 'x', kind: 'COURT' }, 'input.code'],
      ['an empty name', { code: 'X-1', name: '   ', kind: 'COURT' }, 'input.name'],
      ['an over-long name', { code: 'X-1', name: '法'.repeat(201), kind: 'COURT' }, 'input.name'],
      ['an unknown kind', { code: 'X-1', name: 'x', kind: 'BANK' }, 'input.kind'],
    ])('refuses an organisation with %s, naming the field', async (_label, input, argument) => {
      expectBadInput(await admin(CREATE_ORG, { input }), argument);
    });

    it('creates a clerk of the new court', async () => {
      const res = await admin(CREATE_USER, {
        input: { username: 'huoshan-clerk', displayName: '执行员 钱进', role: 'CLERK', organisationCode: COURT },
      });
      expect(res.body.data!.createUser).toEqual({ username: 'huoshan-clerk', role: 'CLERK', disabled: false, organisation: { code: COURT } });
      const me = await t.gql('{ me { username role } }', { as: 'huoshan-clerk' });
      expect(me.body.data!.me).toEqual({ username: 'huoshan-clerk', role: 'CLERK' });
    });

    it('registers an agency bound to a source, whose user then answers for it; audited with the source', async () => {
      const requestId = `agency-source-${randomUUID()}`;
      const res = await t.gql(`mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { code kind source disabled } }`, {
        as: 'demo-admin',
        headers: { 'x-request-id': requestId },
        variables: { input: { code: 'AG-3425-XY', name: '霍山县社会信用体系建设办公室', kind: 'AGENCY', source: 'CREDIT' } },
      });
      expect(res.body).toEqual({ data: { createOrganisation: { code: 'AG-3425-XY', kind: 'AGENCY', source: 'CREDIT', disabled: false } } });
      expect(await t.hub.hub.query(`SELECT kind, source FROM organisation WHERE code = 'AG-3425-XY'`)).toEqual([
        { kind: 'AGENCY', source: 'credit' },
      ]);
      const entries = await t.hub.hub.query(`SELECT kind, outcome, detail FROM audit_entry WHERE correlation_id = $1 ORDER BY seq`, [requestId]);
      expect(entries.map((e: { kind: string; outcome: string }) => `${e.kind} ${e.outcome}`)).toEqual(['ADMIN REQUESTED', 'ADMIN ALLOWED']);
      expect(entries[0].detail).toMatchObject({
        operation: 'createOrganisation',
        arguments: { input: { code: 'AG-3425-XY', kind: 'AGENCY', source: 'credit' } },
      });

      const user = await admin(CREATE_USER, {
        input: { username: 'huoshan-credit', displayName: '信用修复专员 方圆', role: 'AGENCY', organisationCode: 'AG-3425-XY' },
      });
      expect(user.body.errors).toBeUndefined();
      const me = await t.gql('{ me { username source organisation { code } } }', { as: 'huoshan-credit' });
      expect(me.body.data!.me).toEqual({ username: 'huoshan-credit', source: 'CREDIT', organisation: { code: 'AG-3425-XY' } });

      // Without a source an agency answers for none (like a bureau that only checks the dishonest-debtor list).
      const unbound = await t.gql(`mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { code source } }`, {
        as: 'demo-admin',
        variables: { input: { code: 'AG-3425-CZJ', name: '霍山县财政局', kind: 'AGENCY', source: null } },
      });
      expect(unbound.body).toEqual({ data: { createOrganisation: { code: 'AG-3425-CZJ', source: null } } });
    });

    it.each([
      ['a court', 'COURT'],
      ['an administrator firm', 'ADMINISTRATOR_FIRM'],
      ['a procuratorate', 'PROCURATORATE'],
      ['the operator', 'OPERATOR'],
    ])('refuses a source for %s, with its reason, and writes nothing', async (_label, kind) => {
      const code = `SRC-${kind}`;
      const res = await admin(CREATE_ORG, { input: { code, name: '某机构', kind, source: 'TAX' } });
      expectBadInput(res, 'input.source', /Only an AGENCY/);
      expect(res.body.errors![0].extensions?.reason).toBe('SOURCE_ONLY_FOR_AGENCY');
      expect(res.body.data).toEqual({ createOrganisation: null });
      expect(await t.hub.hub.query(`SELECT code FROM organisation WHERE code = $1`, [code])).toEqual([]);
    });

    it('refuses a source that is no source, naming the field', async () => {
      const res = await admin(CREATE_ORG, { input: { code: 'AG-3425-XX', name: '某机构', kind: 'AGENCY', source: 'LOTTERY' } });
      expectBadInput(res, 'input.source');
      expect(await t.hub.hub.query(`SELECT code FROM organisation WHERE code = 'AG-3425-XX'`)).toEqual([]);
    });

    it('refuses a duplicate username, a role the organisation cannot hold, and an unknown organisation', async () => {
      expectBadInput(
        await admin(CREATE_USER, { input: { username: 'demo-clerk', displayName: 'x', role: 'CLERK', organisationCode: COURT } }),
        'input.username',
        /already exists/,
      );
      expectBadInput(
        await admin(CREATE_USER, { input: { username: 'firm-clerk', displayName: 'x', role: 'CLERK', organisationCode: 'AF-3415-001' } }),
        'input.role',
        /COURT/,
      );
      expectBadInput(
        await admin(CREATE_USER, { input: { username: 'Bad Name', displayName: 'x', role: 'CLERK', organisationCode: COURT } }),
        'input.username',
      );
      const unknown = await admin(CREATE_USER, {
        input: { username: 'nobody-org', displayName: 'x', role: 'CLERK', organisationCode: 'NO-SUCH-ORG' },
      });
      expect(codes(unknown)).toEqual(['NOT_FOUND']);
    });
  });

  describe('execution cases', () => {
    it('files a case with validated respondents and answers with kinds and names only', async () => {
      const before = await t.hub.hub.query('SELECT count(*)::int AS n FROM subject');
      const res = await admin(CREATE_CASE, { input: caseInput() });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!.createExecutionCase).toEqual({
        caseNo: CASE,
        status: 'ACTIVE',
        filedOn: '2024-06-03',
        amountDue: '52000.00',
        court: { code: COURT },
        clerks: [],
        respondents: [
          { kind: 'PERSON', name: '张伟' },
          { kind: 'PERSON', name: '郑丽' },
        ],
      });
      expect(JSON.stringify(res.body)).not.toContain(newPerson);
      // The known respondent is reused by ID number, the new one added.
      const after = await t.hub.hub.query('SELECT count(*)::int AS n FROM subject');
      expect(after[0].n - before[0].n).toBe(1);
    });

    it('names the respondent whose check digit is wrong', async () => {
      const input = caseInput({
        caseNo: '(2024)皖1525执8号',
        respondents: [
          { idNumber: newPerson, name: '郑丽' },
          { idNumber: badCheckDigit(newPerson), name: '某人' },
        ],
      });
      expectBadInput(await admin(CREATE_CASE, { input }), 'input.respondents[1].idNumber', /check digit/);
    });

    it.each([
      [
        'a repeated respondent',
        {
          respondents: [
            { idNumber: newPerson, name: 'a' },
            { idNumber: ` ${newPerson.toLowerCase()} `, name: 'b' },
          ],
        },
        'input.respondents[1].idNumber',
      ],
      ['no respondents', { respondents: [] }, 'input.respondents'],
      ['a nameless respondent', { respondents: [{ idNumber: newPerson, name: '' }] }, 'input.respondents[0].name'],
      ['a bankruptcy case number', { caseNo: '(2024)皖1525破9号' }, 'input.caseNo'],
      ['a filing date outside the case number’s year', { filedOn: '2023-12-31' }, 'input.filedOn'],
      ['an impossible date', { filedOn: '2024-02-30' }, 'input.filedOn'],
      ['a zero amount', { amountDue: '0' }, 'input.amountDue'],
      ['an amount with three decimals', { amountDue: '1.005' }, 'input.amountDue'],
    ])('refuses %s, naming the field', async (_label, overrides, argument) => {
      expectBadInput(await admin(CREATE_CASE, { input: caseInput({ caseNo: '(2024)皖1525执9号', ...overrides }) }), argument);
    });

    it('refuses a second case with the same number and a court nobody registered', async () => {
      expectBadInput(await admin(CREATE_CASE, { input: caseInput() }), 'input.caseNo', /already exists/);
      expect(codes(await admin(CREATE_CASE, { input: caseInput({ caseNo: '(2024)皖1599执1号' }) }))).toEqual(['NOT_FOUND']);
    });

    it('answers concurrent duplicate filings with one case and one clear refusal', async () => {
      const input = caseInput({ caseNo: '(2024)皖1525执20号' });
      const results = await Promise.all([admin(CREATE_CASE, { input }), admin(CREATE_CASE, { input })]);
      expect(results.map((r) => codes(r).join() || 'OK').sort()).toEqual(['BAD_USER_INPUT', 'OK']);
      const rows = await t.hub.hub.query(
        `SELECT count(*)::int AS n FROM execution_case_respondent r JOIN execution_case c ON c.id = r.case_id WHERE c.case_no = $1`,
        [input.caseNo],
      );
      expect(rows[0].n).toBe(2);
    });

    it('assigns only an enabled clerk of the case’s own court', async () => {
      expectBadInput(await admin(ASSIGN, { caseNo: CASE, username: 'demo-clerk' }), 'username', /not a clerk of the court/);
      expectBadInput(await admin(ASSIGN, { caseNo: CASE, username: 'demo-administrator' }), 'username', /not a CLERK/);
      expect(codes(await admin(ASSIGN, { caseNo: CASE, username: 'no-such-user' }))).toEqual(['NOT_FOUND']);
      expect(codes(await admin(ASSIGN, { caseNo: '(2024)皖1525执999号', username: 'huoshan-clerk' }))).toEqual(['NOT_FOUND']);
      const res = await admin(ASSIGN, { caseNo: CASE, username: 'huoshan-clerk' });
      expect(res.body.data!.assignClerk.clerks).toEqual([{ username: 'huoshan-clerk' }]);
      expectBadInput(await admin(ASSIGN, { caseNo: CASE, username: 'huoshan-clerk' }), 'username', /already assigned/);
    });

    it('lets the assigned clerk read the respondents, and refuses the next read once unassigned', async () => {
      const read = await t.gql(READ_CASE, { as: 'huoshan-clerk', variables: { caseNo: CASE } });
      expect(read.body.errors).toBeUndefined();
      expect(read.body.data!.executionCase.respondents.map((r: { idNumber: string }) => r.idNumber)).toContain(newPerson);

      await admin(UNASSIGN, { caseNo: CASE, username: 'huoshan-clerk' });
      const refused = await t.gql(READ_CASE, { as: 'huoshan-clerk', variables: { caseNo: CASE } });
      expect(codes(refused)).toEqual(['FORBIDDEN']);
      expect(refused.body.data!.executionCase).toBeNull();
      expectBadInput(await admin(UNASSIGN, { caseNo: CASE, username: 'huoshan-clerk' }), 'username', /not assigned/);
    });

    it('refuses the next read once the case is closed, and closing twice', async () => {
      await admin(ASSIGN, { caseNo: CASE, username: 'huoshan-clerk' });
      expect((await t.gql(READ_CASE, { as: 'huoshan-clerk', variables: { caseNo: CASE } })).body.errors).toBeUndefined();

      expect((await admin(CLOSE, { caseNo: CASE })).body.data).toEqual({ closeExecutionCase: { status: 'CLOSED' } });
      const refused = await t.gql(READ_CASE, { as: 'huoshan-clerk', variables: { caseNo: CASE } });
      expect(codes(refused)).toEqual(['FORBIDDEN']);
      expect(refused.body.errors![0].message).toBe(NO_CASE_ACCESS);
      expectBadInput(await admin(CLOSE, { caseNo: CASE }), 'caseNo', /already closed/);
      expectBadInput(await admin(ASSIGN, { caseNo: CASE, username: 'huoshan-clerk' }), 'caseNo', /closed/);
    });
  });

  describe('bankruptcy cases and appointments', () => {
    const bankruptcyInput = (overrides: Record<string, unknown> = {}) => ({
      caseNo: BANKRUPTCY,
      acceptedOn: '2024-04-08',
      acceptanceRulingNo: '(2024)皖1525破申4号',
      debtor: { idNumber: newFirmDebtor, name: '霍山县恒远竹木制品有限公司' },
      ...overrides,
    });
    const appointInput = (overrides: Record<string, unknown> = {}) => ({
      caseNo: BANKRUPTCY,
      firmCode: 'AF-3415-001',
      decisionNo: '(2024)皖1525破2号之一',
      validFrom: '2024-04-10',
      validTo: null,
      ...overrides,
    });

    it('records a bankruptcy case with its acceptance ruling and debtor', async () => {
      const res = await admin(CREATE_BANKRUPTCY, { input: bankruptcyInput() });
      expect(res.body.data!.createBankruptcyCase).toEqual({
        caseNo: BANKRUPTCY,
        status: 'ACCEPTED',
        acceptedOn: '2024-04-08',
        acceptanceRulingNo: '(2024)皖1525破申4号',
        debtor: { kind: 'ENTERPRISE', name: '霍山县恒远竹木制品有限公司' },
        appointments: [],
      });
    });

    it.each([
      ['a person as debtor', { caseNo: '(2024)皖1525破3号', debtor: { idNumber: newPerson, name: 'x' } }, 'input.debtor.idNumber'],
      [
        'a debtor code with a wrong check character',
        { caseNo: '(2024)皖1525破3号', debtor: { idNumber: badCheckDigit(newFirmDebtor), name: 'x' } },
        'input.debtor.idNumber',
      ],
      ['a ruling of another court', { caseNo: '(2024)皖1525破3号', acceptanceRulingNo: '(2024)皖1524破申4号' }, 'input.acceptanceRulingNo'],
      ['a ruling that is no case number', { caseNo: '(2024)皖1525破3号', acceptanceRulingNo: 'ruling 4' }, 'input.acceptanceRulingNo'],
      ['an existing case number', {}, 'input.caseNo'],
    ])('refuses %s, naming the field', async (_label, overrides, argument) => {
      expectBadInput(await admin(CREATE_BANKRUPTCY, { input: bankruptcyInput(overrides) }), argument);
    });

    it.each([
      ['a court as the firm', { firmCode: COURT }, 'input.firmCode'],
      ['a decision number of another court', { decisionNo: '(2024)皖1524破2号之一' }, 'input.decisionNo'],
      ['a decision number that is no case number', { decisionNo: '决定书' }, 'input.decisionNo'],
      ['an end before the start', { validTo: '2024-04-01' }, 'input.validTo'],
      ['a start before the case was accepted', { validFrom: '2024-04-01' }, 'input.validFrom'],
    ])('refuses an appointment with %s, naming the field', async (_label, overrides, argument) => {
      expectBadInput(await admin(APPOINT, { input: appointInput(overrides) }), argument);
    });

    it('appoints the firm, whose administrator then reads the debtor', async () => {
      const res = await admin(APPOINT, { input: appointInput() });
      expect(res.body.data!.appointAdministrator.appointments).toEqual([
        { firm: { code: 'AF-3415-001' }, decisionNo: '(2024)皖1525破2号之一', validFrom: '2024-04-10', validTo: null, ended: false },
      ]);
      const read = await t.gql(READ_BANKRUPTCY, { as: 'demo-administrator', variables: { caseNo: BANKRUPTCY } });
      expect(read.body.errors).toBeUndefined();
      expect(read.body.data!.bankruptcyCase.debtor).toEqual({ name: '霍山县恒远竹木制品有限公司', idNumber: newFirmDebtor });
    });

    it('refuses an overlapping second appointment and an unknown firm', async () => {
      expectBadInput(
        await admin(APPOINT, { input: appointInput({ decisionNo: '(2024)皖1525破2号之二', validFrom: '2025-01-01' }) }),
        'input.validFrom',
        /overlapping/,
      );
      expect(codes(await admin(APPOINT, { input: appointInput({ firmCode: 'AF-0000-404' }) }))).toEqual(['NOT_FOUND']);
    });

    it('refuses the next read once the appointment has ended', async () => {
      expect((await admin(END, { caseNo: BANKRUPTCY, firmCode: 'AF-3415-001' })).body.data!.endAppointment.appointments).toEqual([{ ended: true }]);
      const refused = await t.gql(READ_BANKRUPTCY, { as: 'demo-administrator', variables: { caseNo: BANKRUPTCY } });
      expect(codes(refused)).toEqual(['FORBIDDEN']);
      expect(refused.body.data!.bankruptcyCase).toBeNull();
      expect(codes(await admin(END, { caseNo: BANKRUPTCY, firmCode: 'AF-3415-001' }))).toEqual(['NOT_FOUND']);
    });

    it('refuses the next read once the bankruptcy case is closed', async () => {
      const before = await t.gql(READ_BANKRUPTCY, { as: 'demo-administrator', variables: { caseNo: DEMO.bankruptcyCase } });
      expect(before.body.errors).toBeUndefined();
      expect(
        (
          await admin(CLOSE_BANKRUPTCY, {
            caseNo: DEMO.bankruptcyCase,
            input: { outcome: 'CONCLUDED', rulingNo: `${DEMO.bankruptcyCase}之九`, date: '2025-06-30' },
          })
        ).body.data,
      ).toEqual({ closeBankruptcyCase: { status: 'CLOSED' } });
      const refused = await t.gql(READ_BANKRUPTCY, { as: 'demo-administrator', variables: { caseNo: DEMO.bankruptcyCase } });
      expect(codes(refused)).toEqual(['FORBIDDEN']);
      expectBadInput(
        await admin(APPOINT, { input: appointInput({ caseNo: DEMO.bankruptcyCase, decisionNo: '(2024)皖1524破1号之二', validFrom: '2028-01-01' }) }),
        'input.caseNo',
        /closed/,
      );
    });
  });

  describe('who may operate', () => {
    it.each(['demo-clerk', 'demo-administrator', 'demo-auditor'])('refuses every admin operation to %s and writes nothing', async (as) => {
      const before = await t.hub.hub.query('SELECT (SELECT count(*) FROM organisation) + (SELECT count(*) FROM execution_case) AS n');
      const res = await t.gql(CREATE_ORG, { as, variables: { input: { code: 'SNEAKY', name: 'x', kind: 'COURT' } } });
      expect(codes(res)).toEqual(['FORBIDDEN']);
      expect(res.body.data).toEqual({ createOrganisation: null });
      const file = await t.gql(CREATE_CASE, { as, variables: { input: caseInput({ caseNo: '(2024)皖1524执777号' }) } });
      expect(codes(file)).toEqual(['FORBIDDEN']);
      const after = await t.hub.hub.query('SELECT (SELECT count(*) FROM organisation) + (SELECT count(*) FROM execution_case) AS n');
      expect(after[0].n).toBe(before[0].n);
    });

    it('disables a user, whose token stops working at once, but not the operator themself', async () => {
      await admin(CREATE_USER, { input: { username: 'short-lived', displayName: '临时', role: 'CLERK', organisationCode: COURT } });
      expect((await t.gql('{ me { username } }', { as: 'short-lived' })).status).toBe(200);
      expect((await admin(`mutation { disableUser(username: "short-lived") { disabled } }`, {})).body.data).toEqual({
        disableUser: { disabled: true },
      });
      const after = await t.gql('{ me { username } }', { as: 'short-lived' });
      expect([after.status, codes(after)]).toEqual([401, ['UNAUTHENTICATED']]);
      expectBadInput(await admin(`mutation { disableUser(username: "short-lived") { disabled } }`, {}), 'username', /already disabled/);
      expectBadInput(await admin(`mutation { disableUser(username: "demo-admin") { disabled } }`, {}), 'username', /your own account/);
    });

    it('disables an organisation, whose users can no longer sign in', async () => {
      const res = await admin(`mutation { disableOrganisation(code: "${COURT}") { code disabled } }`, {});
      expect(res.body.data).toEqual({ disableOrganisation: { code: COURT, disabled: true } });
      expect(codes(await t.gql('{ me { username } }', { as: 'huoshan-clerk' }))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await admin(`mutation { disableOrganisation(code: "NO-SUCH") { code } }`, {}))).toEqual(['NOT_FOUND']);
      expectBadInput(await admin(`mutation { disableOrganisation(code: "OP-HUB") { code } }`, {}), 'code', /your own organisation/);
    });
  });

  describe('the operator’s lists', () => {
    const ORGS = `query ($first: Int, $after: String, $search: String, $kind: OrganisationKind) {
      managedOrganisations(first: $first, after: $after, search: $search, kind: $kind) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { code name kind disabled } } } }`;
    const USERS = `query ($first: Int, $after: String, $search: String, $role: Role, $organisationCode: String) {
      managedUsers(first: $first, after: $after, search: $search, role: $role, organisationCode: $organisationCode) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { username displayName role disabled organisation { code name } } } } }`;
    const EXECUTION = `query ($first: Int, $after: String, $search: String, $status: ExecutionCaseStatus) {
      managedExecutionCases(first: $first, after: $after, search: $search, status: $status) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { caseNo status filedOn amountDue court { code } respondents { kind name } clerks { username } } } } }`;
    const BANKRUPTCIES = `query ($first: Int, $after: String, $search: String, $status: BankruptcyCaseStatus) {
      managedBankruptcyCases(first: $first, after: $after, search: $search, status: $status) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { caseNo status acceptedOn acceptanceRulingNo court { code } debtor { kind name } appointments { firm { code } decisionNo validFrom validTo ended } } } } }`;

    const list = async (query: string, field: string, variables: Record<string, unknown> = {}) => {
      const res = await admin(query, { first: 100, ...variables });
      expect(res.body.errors).toBeUndefined();
      return res.body.data![field] as {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: Array<{ node: any }>;
      };
    };
    const nodes = async (query: string, field: string, variables: Record<string, unknown> = {}) =>
      (await list(query, field, variables)).edges.map((e) => e.node);
    /** Every page of `first`, following the cursors; each row once, in the list's order. */
    const walk = async (query: string, field: string, first: number, variables: Record<string, unknown> = {}) => {
      const seen: any[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 50; pages++) {
        const page = await list(query, field, { ...variables, first, after });
        expect(page.edges.length).toBeLessThanOrEqual(first);
        seen.push(...page.edges.map((e) => e.node));
        if (!page.pageInfo.hasNextPage) return { seen, totalCount: page.totalCount };
        after = page.pageInfo.endCursor;
      }
      throw new Error('the pages never ended');
    };

    it('lists organisations by code, with search, kind and keyset paging', async () => {
      const all = await list(ORGS, 'managedOrganisations');
      const codesListed = all.edges.map((e) => e.node.code);
      expect(codesListed).toEqual(expect.arrayContaining(['皖1524', '皖1522', 'AF-3415-001', 'PR-3415', 'OP-HUB', COURT]));
      expect([...codesListed].sort()).toEqual(codesListed);
      expect(all.totalCount).toBe(codesListed.length);
      const walked = await walk(ORGS, 'managedOrganisations', 2);
      expect(walked.seen.map((o) => o.code)).toEqual(codesListed);
      expect(walked.totalCount).toBe(all.totalCount);
      const jinzhai = await nodes(ORGS, 'managedOrganisations', { search: '金寨' });
      expect(jinzhai).toEqual(expect.arrayContaining([{ code: '皖1524', name: '金寨县人民法院', kind: 'COURT', disabled: false }]));
      for (const o of jinzhai) expect(`${o.code} ${o.name}`).toContain('金寨');
      expect(jinzhai.length).toBeLessThan(codesListed.length);
      expect((await nodes(ORGS, 'managedOrganisations', { kind: 'ADMINISTRATOR_FIRM' })).map((o) => o.code)).toEqual(['AF-3415-001']);
      // Each agency with the source it answers for; other kinds with none.
      const SOURCES = `query ($search: String) { managedOrganisations(first: 100, search: $search) { edges { node { code kind source } } } }`;
      const sources = (await admin(SOURCES, { search: 'AG-3415-' })).body.data!.managedOrganisations.edges.map((e: any) => e.node);
      expect(sources).toEqual(
        expect.arrayContaining([
          { code: 'AG-3415-SW', kind: 'AGENCY', source: 'TAX' },
          { code: 'AG-3415-XY', kind: 'AGENCY', source: 'CREDIT' },
          { code: 'AG-3415-CZJ', kind: 'AGENCY', source: null },
        ]),
      );
      const court = (await admin(SOURCES, { search: '皖1524' })).body.data!.managedOrganisations.edges.map((e: any) => e.node);
      expect(court).toEqual([{ code: '皖1524', kind: 'COURT', source: null }]);
      // A LIKE wildcard in the search is taken literally.
      expect(await nodes(ORGS, 'managedOrganisations', { search: '%' })).toEqual([]);
    });

    it('lists users with their organisation; search, role and organisation filters; disabled ones marked', async () => {
      const demo = await nodes(USERS, 'managedUsers', { search: 'demo-' });
      const usernames = demo.map((u) => u.username);
      expect(usernames).toEqual(expect.arrayContaining(['demo-admin', 'demo-administrator', 'demo-auditor', 'demo-clerk', 'demo-clerk-2']));
      expect(usernames.every((u) => u.startsWith('demo-'))).toBe(true);
      expect([...usernames].sort()).toEqual(usernames);
      expect(demo.find((u) => u.username === 'demo-clerk')).toEqual({
        username: 'demo-clerk',
        displayName: '执行员 孙立',
        role: 'CLERK',
        disabled: false,
        organisation: { code: '皖1524', name: '金寨县人民法院' },
      });
      expect((await nodes(USERS, 'managedUsers', { search: '孙立' })).map((u) => u.username)).toEqual(['demo-clerk']);
      expect((await nodes(USERS, 'managedUsers', { role: 'CLERK', organisationCode: '皖1522' })).map((u) => u.username)).toEqual(['demo-clerk-2']);
      expect(await nodes(USERS, 'managedUsers', { organisationCode: 'NO-SUCH-ORG' })).toEqual([]);
      const created = await nodes(USERS, 'managedUsers', { organisationCode: COURT });
      expect(created.map((u) => [u.username, u.disabled])).toEqual([
        ['huoshan-clerk', false],
        ['short-lived', true],
      ]);
      const walked = await walk(USERS, 'managedUsers', 3);
      expect(walked.seen.map((u) => u.username)).toEqual((await nodes(USERS, 'managedUsers')).map((u) => u.username));
      expect(new Set(walked.seen.map((u) => u.username)).size).toBe(walked.totalCount);
    });

    it('lists execution cases with respondents as filed and their clerks, never an ID number', async () => {
      const res = await admin(EXECUTION, { first: 100 });
      const cases = res.body.data!.managedExecutionCases.edges.map((e: any) => e.node);
      expect(cases.find((c: any) => c.caseNo === DEMO.clerkCase)).toEqual({
        caseNo: DEMO.clerkCase,
        status: 'ACTIVE',
        filedOn: '2024-03-11',
        amountDue: '1285000.00',
        court: { code: '皖1524' },
        clerks: [{ username: 'demo-clerk' }],
        respondents: [
          { kind: 'PERSON', name: '张伟' },
          { kind: 'ENTERPRISE', name: '金寨县华兴建材有限公司' },
        ],
      });
      const filed = cases.map((c: any) => c.filedOn);
      expect([...filed].sort().reverse()).toEqual(filed);
      const ids = demoIdentities();
      for (const id of [ids.zhangWei.id, ids.huaxing.id, newPerson]) expect(JSON.stringify(res.body)).not.toContain(id);
      // Search by case number (full-width brackets too), court or respondent name; never by ID number.
      expect((await nodes(EXECUTION, 'managedExecutionCases', { search: '（2024）皖1524执123' })).map((c) => c.caseNo)).toEqual([DEMO.clerkCase]);
      const zhang = (await nodes(EXECUTION, 'managedExecutionCases', { search: '张伟' })).map((c) => c.caseNo);
      expect(zhang).toEqual(expect.arrayContaining([CASE, DEMO.clerkCase]));
      expect(zhang).not.toContain(DEMO.clerkCase2);
      expect(await nodes(EXECUTION, 'managedExecutionCases', { search: ids.zhangWei.id })).toEqual([]);
      expect((await nodes(EXECUTION, 'managedExecutionCases', { status: 'CLOSED' })).map((c) => c.caseNo).sort()).toEqual(
        [DEMO.closedCase, CASE].sort(),
      );
      const walked = await walk(EXECUTION, 'managedExecutionCases', 2);
      expect(walked.seen.map((c) => c.caseNo)).toEqual(cases.map((c: any) => c.caseNo));
    });

    it('lists bankruptcy cases with the debtor as filed and every appointment', async () => {
      const res = await admin(BANKRUPTCIES, { first: 100, search: '宏达' });
      expect(res.body.data!.managedBankruptcyCases.edges.map((e: any) => e.node)).toEqual([
        expect.objectContaining({
          caseNo: DEMO.bankruptcyCase,
          status: 'CLOSED',
          court: { code: '皖1524' },
          debtor: { kind: 'ENTERPRISE', name: '金寨县宏达茶业有限公司' },
          appointments: [
            expect.objectContaining({ firm: { code: 'AF-3415-001' }, decisionNo: '(2024)皖1524破1号之一', validFrom: '2024-03-01', ended: false }),
          ],
        }),
      ]);
      expect(JSON.stringify(res.body)).not.toContain(demoIdentities().hongda.id);
      const created = await nodes(BANKRUPTCIES, 'managedBankruptcyCases', { search: BANKRUPTCY });
      expect(created.map((c) => [c.caseNo, c.appointments.map((a: any) => a.ended)])).toEqual([[BANKRUPTCY, [true]]]);
      expect((await nodes(BANKRUPTCIES, 'managedBankruptcyCases', { search: '破申3号' })).map((c) => c.caseNo)).toEqual([DEMO.bankruptcyCase]);
      const all = await nodes(BANKRUPTCIES, 'managedBankruptcyCases');
      expect((await walk(BANKRUPTCIES, 'managedBankruptcyCases', 1)).seen.map((c) => c.caseNo)).toEqual(all.map((c) => c.caseNo));
      expect(all.map((c) => c.caseNo)).toContain(DEMO.expiredBankruptcyCase);
    });

    it.each([
      ['managedOrganisations(first: 0)', 'first'],
      ['managedUsers(first: 101)', 'first'],
      ['managedExecutionCases(after: "bm9wZQ")', 'after'],
      [`managedBankruptcyCases(after: "${Buffer.from(JSON.stringify(['2024-13-45', randomUUID()])).toString('base64url')}")`, 'after'],
      [`managedUsers(after: "${Buffer.from(JSON.stringify(['demo-clerk', 'not-a-uuid'])).toString('base64url')}")`, 'after'],
      [`managedOrganisations(search: "${'法'.repeat(101)}")`, 'search'],
      ['managedUsers(search: "demo\\u0000")', 'search'],
      ['managedUsers(organisationCode: "A B")', 'organisationCode'],
    ])('refuses %s, naming the argument', async (field, argument) => {
      const res = await admin(`{ ${field} { totalCount } }`, {});
      expectBadInput(res, argument);
    });

    it.each(['demo-clerk', 'demo-administrator', 'demo-auditor'])('refuses every list to %s, and records the attempt', async (as) => {
      const requestId = `lists-${randomUUID()}`;
      const res = await t.gql(
        `{ managedOrganisations { totalCount } managedUsers { totalCount } managedExecutionCases { totalCount } managedBankruptcyCases { totalCount } }`,
        { as, headers: { 'x-request-id': requestId } },
      );
      expect(codes(res)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
      expect(res.body.data).toEqual({ managedOrganisations: null, managedUsers: null, managedExecutionCases: null, managedBankruptcyCases: null });
      const entries = await t.hub.hub.query(`SELECT kind, outcome, detail FROM audit_entry WHERE correlation_id = $1`, [requestId]);
      expect(entries.map((e: any) => `${e.kind} ${e.outcome} ${e.detail.operation}`).sort()).toEqual([
        'ADMIN DENIED managedBankruptcyCases',
        'ADMIN DENIED managedExecutionCases',
        'ADMIN DENIED managedOrganisations',
        'ADMIN DENIED managedUsers',
      ]);
    });

    it('records each list the operator reads as an admin operation, with its arguments', async () => {
      const requestId = `lists-${randomUUID()}`;
      await t.gql(`{ managedUsers(first: 5, search: "demo", role: CLERK) { totalCount } }`, {
        as: 'demo-admin',
        headers: { 'x-request-id': requestId },
      });
      const entries = await t.hub.hub.query(`SELECT kind, outcome, username, detail FROM audit_entry WHERE correlation_id = $1`, [requestId]);
      expect(entries).toEqual([
        {
          kind: 'ADMIN',
          outcome: 'ALLOWED',
          username: 'demo-admin',
          detail: { operation: 'managedUsers', arguments: { first: 5, search: 'demo', role: 'CLERK' } },
        },
      ]);
    });
  });
});
