import { acceptBankruptcy } from '../../src/bankruptcy/acceptance';
import { ManualClock } from '../../src/control/clock';
import { DEMO } from '../../src/seed/demo-data';
import { codes, startTestHub, type TestHub } from '../support/test-hub';

const SET = `mutation Set($date: LocalDate!, $kind: CalendarDayKind!, $note: String) {
  setCalendarDay(date: $date, kind: $kind, note: $note) { date kind note source } }`;
const CLEAR = `mutation Clear($date: LocalDate!) { clearCalendarDay(date: $date) { date kind note source } }`;
const YEAR = `query Year($year: Int!) { workingCalendar(year: $year) { date kind note source } }`;

describe('the working calendar the operator keeps for release-task due dates', () => {
  let t: TestHub;
  // Tuesday 1 December 2026, 10:00 in China; HOLIDAYS names Monday 14 December.
  const clock = new ManualClock(new Date('2026-12-01T02:00:00Z'));

  beforeAll(async () => {
    t = await startTestHub({ HOLIDAYS: '2026-12-14', MAKEUP_WORKDAYS: '2026-12-19' }, { clock });
  }, 60000);
  afterAll(async () => t?.stop());

  const set = (variables: Record<string, unknown>, as = 'demo-admin') => t.gql(SET, { as, variables });
  const year = async (as = 'demo-admin', y = 2026) => (await t.gql(YEAR, { as, variables: { year: y } })).body.data?.workingCalendar;

  it('only the operator sets or clears a day; the roles whose deadlines it sets read it, others are refused', async () => {
    for (const as of ['demo-clerk', 'demo-judge', 'demo-administrator', 'demo-auditor', 'demo-agency-procurement']) {
      expect(codes(await set({ date: '2026-12-15', kind: 'HOLIDAY' }, as))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(CLEAR, { as, variables: { date: '2026-12-14' } }))).toEqual(['FORBIDDEN']);
    }
    for (const as of ['demo-clerk', 'demo-judge', 'demo-administrator']) {
      expect(await year(as)).toEqual([
        { date: '2026-12-14', kind: 'HOLIDAY', note: null, source: 'ENVIRONMENT' },
        { date: '2026-12-19', kind: 'MAKEUP_WORKDAY', note: null, source: 'ENVIRONMENT' },
      ]);
    }
    for (const as of ['demo-auditor', 'demo-agency-procurement']) {
      expect(codes(await t.gql(YEAR, { as, variables: { year: 2026 } }))).toEqual(['FORBIDDEN']);
    }
  });

  it('refuses dates that are not real, out of range, unknown kinds and hostile notes as BAD_USER_INPUT', async () => {
    for (const date of ['2026-02-30', '2026-13-01', '26-12-15', '2026-12-15T00:00:00Z', '', '1999-12-31', '2100-01-01']) {
      expect(codes(await set({ date, kind: 'HOLIDAY' }))).toEqual(['BAD_USER_INPUT']);
    }
    expect(codes(await set({ date: '2026-12-15', kind: 'WEEKEND' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await set({ date: '2026-12-15', kind: 'HOLIDAY', note: 'a\u0000b' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await set({ date: '2026-12-15', kind: 'HOLIDAY', note: '\ud800' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await set({ date: '2026-12-15', kind: 'HOLIDAY', note: '节'.repeat(101) }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(CLEAR, { as: 'demo-admin', variables: { date: '2026-02-29' } }))).toEqual(['BAD_USER_INPUT']);
    for (const y of [1999, 2100, -1]) expect(codes(await t.gql(YEAR, { as: 'demo-admin', variables: { year: y } }))).toEqual(['BAD_USER_INPUT']);
    expect(await year()).toHaveLength(2);
  });

  it('an operator-set holiday moves the due date of release tasks created afterwards, and the step is audited', async () => {
    const res = await set({ date: '2026-12-15', kind: 'HOLIDAY', note: '地方性假日' });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.setCalendarDay).toEqual({ date: '2026-12-15', kind: 'HOLIDAY', note: '地方性假日', source: 'OPERATOR' });
    await t.hub.control.hub.transaction(async (m) => {
      const [b] = await m.query(
        `SELECT id, case_no AS "caseNo", court_id AS "courtId", debtor_id AS "debtorId", accepted_on::text AS "acceptedOn" FROM bankruptcy_case WHERE case_no = $1`,
        [DEMO.bankruptcyCase],
      );
      await acceptBankruptcy(m, t.hub.control, b, { username: 'demo-admin', organisationCode: 'OP-HUB' });
    });
    const view = await t.gql(`query ($c: String!) { bankruptcyCase(caseNo: $c) { releaseTasks { controlOrderId dueOn } } }`, {
      as: 'demo-administrator',
      variables: { c: DEMO.bankruptcyCase },
    });
    const task = view.body.data?.bankruptcyCase.releaseTasks.find(
      (r: { controlOrderId: string | null }) => r.controlOrderId === DEMO.hongdaSeizureOrder,
    );
    // Ten working days from Tuesday 1 December, Monday 14 (HOLIDAYS) and Tuesday 15 (the operator's) off: Thursday 17.
    expect(task).toEqual({ controlOrderId: DEMO.hongdaSeizureOrder, dueOn: '2026-12-17' });
    const audit = await t.gql(`{ auditEntries(filter: { kind: ADMIN, username: "demo-admin" }, first: 50) { edges { node { outcome detail } } } }`, {
      as: 'demo-auditor',
    });
    const details = audit.body.data!.auditEntries.edges.map((e: { node: { outcome: string; detail: string } }) => ({
      outcome: e.node.outcome,
      ...JSON.parse(e.node.detail),
    }));
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ outcome: 'ALLOWED', operation: 'setCalendarDay', arguments: expect.objectContaining({ date: '2026-12-15' }) }),
      ]),
    );
  });

  it('where the operator and the environment name the same day the operator wins; clearing it restores the environment', async () => {
    expect((await set({ date: '2026-12-14', kind: 'MAKEUP_WORKDAY', note: '改为工作日' })).body.errors).toBeUndefined();
    // Replacing a day the operator set keeps one row for the date.
    expect((await set({ date: '2026-12-19', kind: 'HOLIDAY' })).body.errors).toBeUndefined();
    expect((await set({ date: '2026-12-19', kind: 'HOLIDAY', note: '  ' })).body.data?.setCalendarDay.note).toBeNull();
    expect(await year()).toEqual([
      { date: '2026-12-14', kind: 'MAKEUP_WORKDAY', note: '改为工作日', source: 'OPERATOR' },
      { date: '2026-12-15', kind: 'HOLIDAY', note: '地方性假日', source: 'OPERATOR' },
      { date: '2026-12-19', kind: 'HOLIDAY', note: null, source: 'OPERATOR' },
    ]);
    expect(await year('demo-admin', 2027)).toEqual([]);
    const cleared = await t.gql(CLEAR, { as: 'demo-admin', variables: { date: '2026-12-14' } });
    expect(cleared.body.data?.clearCalendarDay).toEqual({ date: '2026-12-14', kind: 'MAKEUP_WORKDAY', note: '改为工作日', source: 'OPERATOR' });
    expect(codes(await t.gql(CLEAR, { as: 'demo-admin', variables: { date: '2026-12-14' } }))).toEqual(['NOT_FOUND']);
    await t.gql(CLEAR, { as: 'demo-admin', variables: { date: '2026-12-19' } });
    expect((await year()).map((d: { date: string; kind: string; source: string }) => `${d.date} ${d.kind} ${d.source}`)).toEqual([
      '2026-12-14 HOLIDAY ENVIRONMENT',
      '2026-12-15 HOLIDAY OPERATOR',
      '2026-12-19 MAKEUP_WORKDAY ENVIRONMENT',
    ]);
  });
});
