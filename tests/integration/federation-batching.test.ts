import { Client } from 'pg';
import { DEMO, demoIdentities } from '../../src/seed/demo-data';
import { SOURCE_NAMES } from '../../src/sources/source-name';
import { startTestHub, type TestHub } from '../support/test-hub';

const THREE = '(2024)皖1524执125号';
const QUERY = `query ($caseNo: String!) { executionCase(caseNo: $caseNo) { respondents {
  name phone realEstate { location encumbrances { kind } } vehicles { plate encumbrances { kind } }
  tax { arrears { amount } refundsDue { amount } legalRepresentative { name phone } }
  socialSecurity { employer { name } } credit { dishonest } deposits { accountNo freezes { rank } deductions { amount } }
  housingFund { accountNo freezes { rank } } marketRegistration { legalRepresentative { name } } shareholdings { referenceValue freezes { rank } }
  sourceStatus { state } } } }`;

describe('federation batching', () => {
  let t: TestHub;

  beforeAll(async () => {
    // A lookup arriving while a source is busy waits for it (up to 1 s here) and goes with the others waiting.
    t = await startTestHub({ SOURCE_SHARED_WAIT_MS: '1000', SOURCE_TIMEOUT_MS: '10000' });
    // A third case with three respondents, assigned to demo-clerk.
    const p = demoIdentities();
    const [c] = await t.hub.hub.query(
      `INSERT INTO execution_case (case_no, court_id, status, filed_on, amount_due)
       SELECT $1, court_id, 'ACTIVE', '2024-05-01', 1000 FROM execution_case WHERE case_no = $2 RETURNING id`,
      [THREE, DEMO.clerkCase],
    );
    await t.hub.hub.query(`INSERT INTO execution_case_respondent (case_id, subject_id) SELECT $1, id FROM subject WHERE id_number = ANY($2)`, [
      c.id,
      [p.zhangWei.id, p.liNa.id, p.huaxing.id],
    ]);
    await t.hub.hub.query(`INSERT INTO execution_case_clerk (case_id, user_id) SELECT $1, id FROM hub_user WHERE username = 'demo-clerk'`, [c.id]);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const DATABASES = ['hub', ...SOURCE_NAMES] as const;

  async function statementsPerDatabase(caseNo: string): Promise<Record<string, number>> {
    const before = Object.fromEntries(DATABASES.map((d) => [d, t.hub.databases[d].statements.count]));
    const res = await t.gql(QUERY, { as: 'demo-clerk', variables: { caseNo } });
    expect(res.body.errors).toBeUndefined();
    return Object.fromEntries(DATABASES.map((d) => [d, t.hub.databases[d].statements.count - before[d]]));
  }

  it('sends one statement to each source and one to the hub, for one respondent as for three', async () => {
    await t.gql(QUERY, { as: 'demo-clerk', variables: { caseNo: THREE } }); // warm-up: first use of each pool
    const one = await statementsPerDatabase(DEMO.clerkCase2);
    const three = await statementsPerDatabase(THREE);
    expect(three).toEqual(one);
    expect(SOURCE_NAMES).toHaveLength(8);
    // Each source's tables in one statement; the hub: the case with its court and respondents (the viewer is kept
    // between requests once read).
    expect(one).toEqual({ hub: 1, ...Object.fromEntries(SOURCE_NAMES.map((s) => [s, 1])) });
    const res = await t.gql(QUERY, { as: 'demo-clerk', variables: { caseNo: THREE } });
    expect(res.body.data!.executionCase.respondents).toHaveLength(3);
  });

  it('shares statements between concurrent requests, each answer holding its own respondents and nothing else', async () => {
    const alone = {
      [THREE]: (await t.gql(QUERY, { as: 'demo-clerk', variables: { caseNo: THREE } })).body.data,
      [DEMO.clerkCase2]: (await t.gql(QUERY, { as: 'demo-clerk', variables: { caseNo: DEMO.clerkCase2 } })).body.data,
    };
    expect(alone[THREE]!.executionCase.respondents).toHaveLength(3);
    // The property registry held busy (its tables locked by another session), so that the first request's statement
    // is still running when the others' lookups arrive, however far apart they arrive.
    const property = new Client({ connectionString: (t.hub.sourceDatabases.property.dataSource.options as { url: string }).url });
    await property.connect();
    await property.query('BEGIN');
    const { rows } = await property.query(`SELECT string_agg(quote_ident(tablename), ', ') AS tables FROM pg_tables
      WHERE schemaname = 'public' AND tablename <> 'migrations'`);
    await property.query(`LOCK TABLE ${rows[0].tables} IN ACCESS EXCLUSIVE MODE`);
    const before = Object.fromEntries(SOURCE_NAMES.map((d) => [d, t.hub.databases[d].statements.count]));
    const cases = Array.from({ length: 16 }, (_, i) => (i % 2 ? THREE : DEMO.clerkCase2));
    const pending = Promise.all(cases.map((caseNo) => t.gql(QUERY, { as: 'demo-clerk', variables: { caseNo } })));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await property.query('ROLLBACK');
    await property.end();
    const answers = await pending;
    answers.forEach((res, i) => {
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data).toEqual(alone[cases[i]]);
    });
    // Sixteen requests, each of which alone sends one statement to each source: fewer when they share.
    const sent = Object.fromEntries(SOURCE_NAMES.map((d) => [d, t.hub.databases[d].statements.count - before[d]]));
    for (const n of Object.values(sent)) expect(n).toBeGreaterThanOrEqual(1);
    expect(sent.property).toBeLessThan(16);
  });
});
