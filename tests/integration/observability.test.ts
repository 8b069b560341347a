import { Client } from 'pg';
import { createLogger } from '../../src/observability/logger';
import { DEMO, demoIdentities } from '../../src/seed/demo-data';
import { adminQuery } from '../support/test-databases';
import { startTestHub, type TestHub } from '../support/test-hub';
import { SOURCE_NAMES } from '../../src/sources/source-name';

const QUERY = `query Inquiry($caseNo: String!) { executionCase(caseNo: $caseNo) { respondents {
  name idNumber phone address realEstate { location } vehicles { plate } tax { creditGrade }
  socialSecurity { employer { name idNumber } } credit { dishonest } sourceStatus { source state } } } }`;

type LogLine = Record<string, any>;

describe('observability', () => {
  const p = demoIdentities();
  const logged: string[] = [];
  let t: TestHub;

  const endpoint = (path: string) => t.hub.url.replace('/graphql', path);
  /** The JSON log lines written while `act` runs. */
  async function logsOf(act: () => Promise<unknown>): Promise<{ lines: LogLine[]; text: string }> {
    const from = logged.length;
    await act();
    const text = logged.slice(from).join('');
    return {
      lines: text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as LogLine),
      text,
    };
  }

  beforeAll(async () => {
    const logger = createLogger('trace', { write: (line: string) => void logged.push(line) });
    t = await startTestHub({ SOURCE_TIMEOUT_MS: '1000' }, { logger });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('answers /healthz while the process is up', async () => {
    const res = await fetch(endpoint('/healthz'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('reports the hub database and every source as up on /readyz', async () => {
    const res = await fetch(endpoint('/readyz'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ status: 'ready', hub: { state: 'UP' } });
    expect(body.sources.map((s: any) => `${s.source}:${s.state}:${s.breaker}`)).toEqual(SOURCE_NAMES.map((name) => `${name}:UP:CLOSED`));
  });

  it('logs one line per request with its request id, operation, viewer, outcome and duration, and no subject data', async () => {
    const { lines, text } = await logsOf(async () => {
      const res = await t.gql(QUERY, {
        as: 'demo-clerk',
        variables: { caseNo: DEMO.clerkCase, unused: p.zhangWei.id },
        headers: { 'x-request-id': 'obs-request-0001' },
      });
      expect(res.body.errors).toBeUndefined();
      expect(JSON.stringify(res.body)).toContain(p.zhangWei.id);
    });
    expect(lines.length).toBeGreaterThan(0);
    // The caller's X-Request-Id is a correlation id; the request id is the hub's own.
    expect(lines.every((l) => l.correlationId === 'obs-request-0001' && l.requestId === lines[0].requestId)).toBe(true);
    expect(lines[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.find((l) => l.msg === 'graphql request')).toMatchObject({
      level: 'info',
      operation: 'query:executionCase',
      operationName: 'Inquiry',
      username: 'demo-clerk',
      role: 'CLERK',
      outcome: 'ok',
      status: 200,
      durationMs: expect.any(Number),
      errorCodes: [],
    });
    for (const secret of [p.zhangWei.name, p.zhangWei.id, p.huaxing.name, p.huaxing.id, '13805641234', '梅山镇', DEMO.clerkCase]) {
      expect(text).not.toContain(secret);
    }
  });

  it('logs a failing source under the request id, by source and state only', async () => {
    const locker = new Client({ connectionString: t.dbUrls.credit });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE dishonest_debtor_entry IN ACCESS EXCLUSIVE MODE');
      const { lines, text } = await logsOf(() =>
        t.gql(QUERY, { as: 'demo-clerk', variables: { caseNo: DEMO.clerkCase2 }, headers: { 'x-request-id': 'obs-request-0002' } }),
      );
      expect(lines.every((l) => l.correlationId === 'obs-request-0002')).toBe(true);
      expect(lines.find((l) => l.msg === 'source failed')).toMatchObject({ level: 'warn', source: 'credit', state: 'TIMEOUT' });
      expect(lines.find((l) => l.msg === 'graphql request')).toMatchObject({ outcome: 'partial', errorCodes: ['SOURCE_UNAVAILABLE'] });
      for (const secret of [p.liNa.name, p.liNa.id, DEMO.clerkCase2]) expect(text).not.toContain(secret);
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
    }
  });

  it('logs a refused request as an error with its code and no viewer', async () => {
    const { lines } = await logsOf(() => t.gql(QUERY, { auth: 'Bearer not-a-token', variables: { caseNo: DEMO.clerkCase } }));
    expect(lines.find((l) => l.msg === 'graphql request')).toMatchObject({
      level: 'warn',
      outcome: 'error',
      username: null,
      errorCodes: ['UNAUTHENTICATED'],
    });
  });

  it('counts and logs an answer withheld for want of its audit entries as an error with status 500, not as ok', async () => {
    const db = new Client({ connectionString: t.dbUrls.hub });
    await db.connect();
    await db.query(`CREATE FUNCTION obs_refuse_marked() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.correlation_id LIKE 'obs-withheld-%' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`);
    await db.query(`CREATE TRIGGER obs_refuse_marked BEFORE INSERT ON audit_entry FOR EACH ROW EXECUTE FUNCTION obs_refuse_marked()`);
    try {
      const metric = /^fuyuantong_graphql_requests_total\{operation="query:executionCase",outcome="error"\} (\d+)/m;
      const errorsBefore = Number(metric.exec(await (await fetch(endpoint('/metrics'))).text())?.[1] ?? 0);
      const { lines } = await logsOf(async () => {
        const res = await t.gql(QUERY, { as: 'demo-clerk', variables: { caseNo: DEMO.clerkCase }, headers: { 'x-request-id': 'obs-withheld-0001' } });
        expect(res.status).toBe(500);
      });
      expect(lines.find((l) => l.msg === 'graphql request')).toMatchObject({
        level: 'error',
        outcome: 'error',
        status: 500,
        withheld: true,
        errorCodes: ['INTERNAL_SERVER_ERROR'],
        operation: 'query:executionCase',
      });
      const errorsAfter = Number(metric.exec(await (await fetch(endpoint('/metrics'))).text())?.[1] ?? 0);
      expect(errorsAfter).toBe(errorsBefore + 1);
    } finally {
      await db.query(`DROP TRIGGER obs_refuse_marked ON audit_entry`);
      await db.query(`DROP FUNCTION obs_refuse_marked()`);
      await db.end();
    }
  });

  it('exposes Prometheus metrics for requests, sources, breakers and audit writes', async () => {
    await t.gql(QUERY, { as: 'demo-clerk', variables: { caseNo: DEMO.clerkCase } });
    const res = await fetch(endpoint('/metrics'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^fuyuantong_graphql_requests_total\{operation="query:executionCase",outcome="ok"\} [1-9]/m);
    expect(text).toMatch(/^fuyuantong_graphql_requests_total\{operation="query:executionCase",outcome="partial"\} [1-9]/m);
    expect(text).toMatch(/^fuyuantong_graphql_request_duration_seconds_bucket\{le="\+Inf",operation="query:executionCase",outcome="ok"\} [1-9]/m);
    for (const source of SOURCE_NAMES) {
      expect(text).toMatch(new RegExp(`^fuyuantong_source_batch_duration_seconds_count\\{source="${source}",state="OK"\\} [1-9]`, 'm'));
      expect(text).toMatch(new RegExp(`^fuyuantong_source_breaker_state\\{source="${source}"\\} 0$`, 'm'));
    }
    expect(text).toMatch(/^fuyuantong_source_failures_total\{source="credit",state="TIMEOUT"\} [1-9]/m);
    expect(text).toMatch(/^fuyuantong_audit_write_duration_seconds_count\{outcome="ok"\} [1-9]/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
  });

  it('answers /readyz with 503 while the hub database refuses connections, and 200 again when it is back', async () => {
    const hubDatabase = new URL(t.dbUrls.hub).pathname.slice(1);
    await adminQuery(`ALTER DATABASE "${hubDatabase}" ALLOW_CONNECTIONS false`);
    try {
      await adminQuery('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [hubDatabase]);
      const res = await fetch(endpoint('/readyz'));
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'unavailable', hub: { state: 'DOWN' } });
    } finally {
      await adminQuery(`ALTER DATABASE "${hubDatabase}" ALLOW_CONNECTIONS true`);
    }
    const deadline = Date.now() + 10000;
    let status = 0;
    while (status !== 200 && Date.now() < deadline) status = (await fetch(endpoint('/readyz'))).status;
    expect(status).toBe(200);
  });
});
