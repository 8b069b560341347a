import { Client } from 'pg';
import { ENTRY_SELECT, entryFromRow, type AuditEntryRow } from '../../src/audit/audit-entry-hash';
import { DEMO, demoIdentities } from '../../src/seed/demo-data';
import { SeparatePostgres } from '../support/separate-postgres';
import { adminQuery } from '../support/test-databases';
import { startTestHub, type GraphQLResponse, type TestHub } from '../support/test-hub';
import { SOURCES } from '../../src/sources/registry';

// The property source runs on a PostgreSQL server of its own, down when the hub starts; the vehicle source is
// made slow by holding a lock on its table. Timeouts and cool-downs are short so the test runs in seconds.
const TIMEOUT_MS = 1500;
const MARGIN_MS = 1500;
const COOLDOWN_MS = 4000;

const QUERY = `query Inquiry($caseNo: String!) { executionCase(caseNo: $caseNo) { caseNo respondents {
  kind name idNumber phone
  realEstate { certificateNo }
  vehicles { plate }
  tax { registered creditGrade }
  socialSecurity { registered insuredStatus }
  credit { dishonest }
  deposits { balance }
  housingFund { registered }
  marketRegistration { status }
  shareholdings { sharePercent }
  sourceStatus { source state latencyMs } } } }`;

type Respondent = Record<string, any>;

function respondents(res: GraphQLResponse): { person: Respondent; enterprise: Respondent } {
  const list = res.body.data!.executionCase.respondents as Respondent[];
  return { person: list.find((r) => r.kind === 'PERSON')!, enterprise: list.find((r) => r.kind === 'ENTERPRISE')! };
}

function stateOf(r: Respondent, source: string): string {
  return r.sourceStatus.find((s: { source: string }) => s.source === source).state;
}

/** `field:source:state` of every error, e.g. `realEstate:property:ERROR`. */
function failures(res: GraphQLResponse): string[] {
  return (res.body.errors ?? [])
    .map((e) => `${e.path?.[e.path.length - 1]}:${e.extensions?.code}:${e.extensions?.source}:${e.extensions?.state}`)
    .sort();
}

async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, withinMs = 30000): Promise<T> {
  const deadline = Date.now() + withinMs;
  let value = await probe();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    value = await probe();
  }
  return value;
}

describe('federation under faults', () => {
  const p = demoIdentities();
  let t: TestHub;
  let property: SeparatePostgres;
  const FAULTED_REQUEST = 'faults-stopped-and-slow';

  const inquire = (requestId?: string) =>
    t.gql(QUERY, { as: 'demo-clerk', variables: { caseNo: DEMO.clerkCase }, headers: requestId ? { 'x-request-id': requestId } : {} });
  const readiness = async () => {
    const res = await fetch(t.hub.url.replace('/graphql', '/readyz'));
    return { status: res.status, body: (await res.json()) as { status: string; sources: Array<{ source: string; state: string; breaker: string }> } };
  };
  const sourceReadiness = async (source: string) => (await readiness()).body.sources.find((s) => s.source === source)!;

  beforeAll(async () => {
    property = await SeparatePostgres.create('fyt_property');
    t = await startTestHub({
      PROPERTY_DATABASE_URL: property.url,
      SOURCE_TIMEOUT_MS: String(TIMEOUT_MS),
      SOURCE_BREAKER_FAILURES: '2',
      SOURCE_BREAKER_COOLDOWN_MS: String(COOLDOWN_MS),
      SOURCE_RETRY_MS: '200',
    });
  }, 120000);
  afterAll(async () => {
    await t?.stop();
    await property?.destroy();
  });

  it('starts and serves while a source database is unreachable, with that source’s fields unavailable', async () => {
    const res = await inquire();
    const { person, enterprise } = respondents(res);
    expect(failures(res)).toEqual(['realEstate:SOURCE_UNAVAILABLE:property:ERROR', 'realEstate:SOURCE_UNAVAILABLE:property:ERROR']);
    expect(person).toMatchObject({
      name: '张伟',
      phone: '13805641234',
      realEstate: null,
      vehicles: [{ plate: '皖N·8K265' }],
      socialSecurity: { insuredStatus: 'INSURED' },
    });
    expect(enterprise.tax).toMatchObject({ creditGrade: 'C' });
    expect(stateOf(person, 'PROPERTY')).toBe('ERROR');
    expect(stateOf(person, 'VEHICLE')).toBe('OK');
    const ready = await readiness();
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('degraded');
    expect(ready.body.sources.find((s) => s.source === 'property')!.state).not.toBe('UP');
  });

  it('connects, migrates and seeds the source in the background once it comes up, without a restart', async () => {
    await property.start();
    const state = await eventually(
      () => sourceReadiness('property'),
      (s) => s.state === 'UP',
    );
    expect(state).toMatchObject({ state: 'UP', breaker: 'CLOSED' });
    const res = await inquire();
    expect(res.body.errors).toBeUndefined();
    const { person } = respondents(res);
    expect(person.realEstate).toHaveLength(2);
    expect(stateOf(person, 'PROPERTY')).toBe('OK');
  });

  it('sets the source timeout as the statement_timeout of the source’s sessions, so the database cancels a long statement', async () => {
    const tax = t.hub.sourceDatabases.tax.dataSource;
    expect(await tax.query('SHOW statement_timeout')).toEqual([{ statement_timeout: `${TIMEOUT_MS}ms` }]);
    await expect(tax.query('SELECT pg_sleep(30)')).rejects.toMatchObject({ code: '57014' });
  });

  it('answers within the timeout plus a margin when one source is stopped and another is slow, with the rest intact', async () => {
    await property.stop();
    const locker = new Client({ connectionString: t.dbUrls.vehicle });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE vehicle IN ACCESS EXCLUSIVE MODE');

      const waitingForLock = async () =>
        (
          await locker.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'fuyuantong-vehicle' AND wait_event_type = 'Lock'`,
          )
        ).rows[0].n as number;

      const started = performance.now();
      const pending = inquire(FAULTED_REQUEST);
      const seenWaiting = await eventually(waitingForLock, (n) => n > 0, TIMEOUT_MS);
      const res = await pending;
      const elapsed = performance.now() - started;

      expect(elapsed).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
      expect(failures(res)).toEqual([
        'realEstate:SOURCE_UNAVAILABLE:property:ERROR',
        'realEstate:SOURCE_UNAVAILABLE:property:ERROR',
        'vehicles:SOURCE_UNAVAILABLE:vehicle:TIMEOUT',
        'vehicles:SOURCE_UNAVAILABLE:vehicle:TIMEOUT',
      ]);
      const { person, enterprise } = respondents(res);
      expect(person).toMatchObject({ name: '张伟', idNumber: p.zhangWei.id, phone: '13805641234', realEstate: null, vehicles: null });
      expect(person.socialSecurity).toEqual({ registered: true, insuredStatus: 'INSURED' });
      expect(enterprise.tax).toEqual({ registered: true, creditGrade: 'C' });
      expect(enterprise.credit).toEqual({ dishonest: false });
      expect(person.deposits).toHaveLength(3);
      expect(person.housingFund).toEqual({ registered: true });
      expect(enterprise.marketRegistration).toEqual({ status: 'EXISTING' });
      expect(person.shareholdings).toHaveLength(2);
      const failed: Record<string, string> = { property: 'ERROR', vehicle: 'TIMEOUT' };
      expect(person.sourceStatus.map((s: { source: string; state: string }) => `${s.source}:${s.state}`)).toEqual(
        SOURCES.map((s) => `${s.enumKey}:${failed[s.name] ?? 'OK'}`),
      );

      // The lookup that waited for the lock is cancelled in the database too, not left waiting in it.
      expect(seenWaiting).toBeGreaterThan(0);
      expect(await eventually(waitingForLock, (n) => n === 0, TIMEOUT_MS + MARGIN_MS)).toBe(0);
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
    }
  });

  it('records each subject of that answer in the audit log as PARTIAL, naming the failed sources', async () => {
    const entries = (
      await adminQuery<AuditEntryRow>(
        `${ENTRY_SELECT} WHERE e.correlation_id = $1 AND e.kind = 'READ' ORDER BY e.subject_id_number`,
        [FAULTED_REQUEST],
        new URL(t.dbUrls.hub).pathname.slice(1),
      )
    ).map(entryFromRow);
    expect(entries.map((e) => e.subjectIdNumber).sort()).toEqual([p.zhangWei.id, p.huaxing.id].sort());
    for (const entry of entries) {
      expect(entry.outcome).toBe('PARTIAL');
      expect(entry.sources).toEqual(
        expect.arrayContaining([
          { source: 'property', state: 'ERROR' },
          { source: 'vehicle', state: 'TIMEOUT' },
        ]),
      );
      expect(entry.fields).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: expect.stringMatching(/realEstate$/), outcome: 'FAILED' })]),
      );
    }
  });

  it('opens the circuit of a source after repeated failures and then skips it, reporting OPEN', async () => {
    const second = await inquire(); // the property source's second consecutive failure opens its circuit
    expect(stateOf(respondents(second).person, 'PROPERTY')).toBe('ERROR');
    expect(stateOf(respondents(second).person, 'VEHICLE')).toBe('OK');

    const res = await inquire();
    expect(failures(res)).toEqual(['realEstate:SOURCE_UNAVAILABLE:property:OPEN', 'realEstate:SOURCE_UNAVAILABLE:property:OPEN']);
    const { person } = respondents(res);
    expect(person.sourceStatus[0]).toEqual({ source: 'PROPERTY', state: 'OPEN', latencyMs: 0 });
    expect(person.vehicles).toEqual([{ plate: '皖N·8K265' }]);
    expect(await sourceReadiness('property')).toMatchObject({ state: 'DOWN', breaker: 'OPEN' });
    const metrics = await (await fetch(t.hub.url.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(/^fuyuantong_source_breaker_state\{source="property"\} 2$/m);
    expect(metrics).toMatch(/^fuyuantong_source_failures_total\{source="property",state="OPEN"\} [1-9]/m);
  });

  it('closes the circuit after a successful probe once the source is back, without a restart', async () => {
    await property.start();
    const res = await eventually(inquire, (r) => stateOf(respondents(r).person, 'PROPERTY') === 'OK', COOLDOWN_MS * 4);
    expect(res.body.errors).toBeUndefined();
    expect(respondents(res).person.realEstate).toHaveLength(2);
    const ready = await readiness();
    expect(ready).toMatchObject({ status: 200, body: { status: 'ready' } });
    expect(ready.body.sources.every((s) => s.state === 'UP' && s.breaker === 'CLOSED')).toBe(true);
  });
});
