import iconv from 'iconv-lite';
import { sweepListExits } from '../../src/checks/check-worker';
import { notifyListExit } from '../../src/checks/list-exit';
import { residentId, uscc } from '../../src/seed/chinese';
import { demoIdentities } from '../../src/seed/demo-data';
import { Random } from '../../src/seed/random';
import { ManualClock } from '../../src/control/clock';
import { startHub, type Hub } from '../../src/hub';
import { codes, startTestHub, type TestHub } from '../support/test-hub';

const people = demoIdentities();
const rng = new Random('dishonest-checks-test');
const person = () => residentId(rng, '341524', new Date(Date.UTC(1960 + rng.int(0, 40), rng.int(0, 11), rng.int(1, 28))), rng.int(0, 1) ? 'M' : 'F');
/** A valid ID whose last character is wrong. */
const badCheckDigit = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

const CHECK = `mutation ($input: CheckDishonestInput!) {
  checkDishonest(input: $input) { checkId purpose applicationNo results { idNumber kind hit entries { court caseNo listedOn } restrictions { code measure basis } } }
}`;
const BATCH = `query ($id: ID!) { dishonestCheckBatch(id: $id) { id state total done hits errors resultUrl } }`;

describe('dishonest-list checks by agencies', () => {
  let t: TestHub;
  let base: string;
  // On the list besides the demo's 李娜: an enterprise and a person, inserted into the credit source.
  const listedEnterprise = uscc(rng, '341524');
  const leaving = person();
  const leavingToo = person();

  beforeAll(async () => {
    t = await startTestHub({ DISHONEST_CHECKS_PER_MINUTE: '150', DISHONEST_BATCH_MAX_LINES: '1000', DISHONEST_BATCHES_PER_HOUR: '50' });
    base = t.hub.url.replace(/\/graphql$/, '');
    const credit = await t.hub.sourceDatabases.credit.ready();
    const insert = (id: string, name: string, caseNo: string) =>
      credit.query(
        `INSERT INTO dishonest_debtor_entry (subject_id_number, subject_name, court, case_no, obligation, circumstance, listed_on)
         VALUES ($1, $2, '金寨县人民法院', $3, '支付工程款', '有履行能力而拒不履行生效法律文书确定义务', '2025-03-01')`,
        [id, name, caseNo],
      );
    await insert(listedEnterprise, '金寨县测试建设有限公司', '(2025)皖1524执300号');
    await insert(leaving, '吴刚', '(2025)皖1524执301号');
    await insert(leavingToo, '郑芳', '(2025)皖1524执302号');
  }, 90000);
  afterAll(async () => t?.stop());

  const check = (as: string, subjects: string[], purpose = 'GOVERNMENT_PROCUREMENT', applicationNo = 'CG-2026-001') =>
    t.gql(CHECK, { as, variables: { input: { subjects, purpose, applicationNo } } });

  const upload = async (as: string, body: Buffer | string, query = 'purpose=GOVERNMENT_PROCUREMENT&applicationNo=ZB-2026-17') => {
    const res = await fetch(`${base}/dishonest-checks/batch?${query}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await t.token(as)}`, 'content-type': 'text/csv' },
      body,
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  const finished = async (id: string, as = 'demo-agency-procurement') => {
    const until = Date.now() + 30000;
    for (;;) {
      const res = await t.gql(BATCH, { as, variables: { id } });
      const batch = res.body.data?.dishonestCheckBatch;
      if (batch?.state === 'DONE' || Date.now() > until) return batch;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const result = async (id: string, as = 'demo-agency-procurement') => {
    const res = await fetch(`${base}/dishonest-checks/batch/${id}/result`, { headers: { authorization: `Bearer ${await t.token(as)}` } });
    const text = await res.text();
    return {
      status: res.status,
      text,
      rows: text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .map((l) => l.split(',')),
    };
  };

  describe('single check', () => {
    it('answers hit with court, case, date and the restrictions of the purpose, and no hit for a subject not listed', async () => {
      const clean = person();
      const res = await check('demo-agency-procurement', [people.liNa.id, clean, listedEnterprise]);
      expect(res.body.errors).toBeUndefined();
      const answer = res.body.data!.checkDishonest;
      expect(answer.checkId).toMatch(/^[0-9a-f-]{36}$/);
      const [li, none, enterprise] = answer.results;
      expect(li).toMatchObject({
        idNumber: people.liNa.id,
        kind: 'PERSON',
        hit: true,
        entries: [{ court: '金寨县人民法院', caseNo: '(2024)皖1524执124号', listedOn: '2024-05-10' }],
      });
      expect(li.restrictions.map((r: { code: string }) => r.code)).toEqual(['PROCUREMENT_EXCLUDED', 'PUBLIC_FUNDED_PROJECTS']);
      expect(none).toEqual({ idNumber: clean, kind: 'PERSON', hit: false, entries: [], restrictions: [] });
      expect(enterprise).toMatchObject({ kind: 'ENTERPRISE', hit: true });
    });

    it('offers no field beyond the entry: no obligation, no assets, no other record', async () => {
      const res = await t.gql(
        `mutation { checkDishonest(input: { subjects: ["${people.liNa.id}"], purpose: BIDDING, applicationNo: "x" }) { results { obligation } } }`,
        {
          as: 'demo-agency-procurement',
        },
      );
      expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    });

    it('validates check digits, duplicates and the 100-subject limit, naming the argument', async () => {
      const bad = await check('demo-agency-procurement', [people.liNa.id, badCheckDigit(people.zhangWei.id)]);
      expect(bad.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.subjects[1]' });
      const dup = await check('demo-agency-procurement', [people.liNa.id, people.liNa.id.toLowerCase()]);
      expect(dup.body.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argument: 'input.subjects[1]' } });
      expect(dup.body.errors![0].message).toMatch(/repeats input.subjects\[0\]/);
      const many = await check('demo-agency-procurement', Array.from({ length: 101 }, person));
      expect(many.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.subjects' });
      const noNumber = await check('demo-agency-procurement', [people.liNa.id], 'BIDDING', 'ab\u0000c');
      expect(noNumber.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.applicationNo' });
    });

    it('refuses a purpose the agency has not declared (PURPOSE_NOT_DECLARED), records it and raises an alert', async () => {
      const res = await check('demo-agency-procurement', [people.liNa.id], 'PUBLIC_HIRING', 'ZP-1');
      expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PURPOSE_NOT_DECLARED' });
      const alerts = await t.gql('{ auditAlerts { rule username count } }', { as: 'demo-auditor' });
      expect(alerts.body.data!.auditAlerts).toContainEqual({ rule: 'PURPOSE_NOT_DECLARED', username: 'demo-agency-procurement', count: 1 });
    });

    it('refuses roles other than AGENCY', async () => {
      for (const as of ['demo-clerk', 'demo-auditor', 'demo-admin']) {
        const res = await check(as, [people.liNa.id]);
        expect(codes(res)).toEqual(['FORBIDDEN']);
      }
    });

    it('lets a source agency check for its own declared purpose only', async () => {
      const ok = await check('demo-agency-property', [people.liNa.id], 'LAND', '出让-2026-3');
      expect(ok.body.data!.checkDishonest.results[0].restrictions[0].code).toBe('STATE_ASSET_TRADING');
      const refused = await check('demo-agency-property', [people.liNa.id], 'SUBSIDIES', '补-1');
      expect(refused.body.errors![0].extensions!.reason).toBe('PURPOSE_NOT_DECLARED');
    });

    it('publishes the purposes × restrictions table to auditors, with basis and reason', async () => {
      const res = await t.gql('{ checkPurposes { purpose label declared restrictions { code measure basis reason } } }', { as: 'demo-auditor' });
      const table = res.body.data!.checkPurposes;
      expect(table.map((p: { purpose: string }) => p.purpose)).toContain('PUBLIC_HIRING');
      expect(table.every((p: any) => p.restrictions.length > 0 && p.restrictions.every((r: any) => /合作备忘录/.test(r.basis) && r.reason))).toBe(
        true,
      );
      const agency = await t.gql('{ checkPurposes { purpose declared } }', { as: 'demo-agency-housing' });
      expect(agency.body.data!.checkPurposes.filter((p: any) => p.declared).map((p: any) => p.purpose)).toEqual(['BIDDING', 'SUBSIDIES', 'LICENCE']);
    });
  });

  describe('outcomes', () => {
    const REPORT = `mutation ($id: ID!, $s: String, $o: CheckOutcome!, $r: String!) {
      reportCheckOutcome(checkId: $id, subjectId: $s, outcome: $o, reason: $r) { checkId subjectId outcome reason } }`;
    const report = (as: string, id: string, s: string | null, o: string, r: string) => t.gql(REPORT, { as, variables: { id, s, o, r } });

    it('records an outcome per subject found on the list: one intercepted, another allowed, each once', async () => {
      const clean = person();
      const checked = (await check('demo-agency-procurement', [people.liNa.id, clean, listedEnterprise], 'BIDDING', 'ZB-8')).body.data!
        .checkDishonest;
      expect(checked.results.map((r: { hit: boolean }) => r.hit)).toEqual([true, false, true]);
      // Three subjects: the outcome must name one.
      const unnamed = await report('demo-agency-procurement', checked.checkId, null, 'INTERCEPTED', '取消中标资格');
      expect(unnamed.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SUBJECT_REQUIRED', argument: 'subjectId' });
      expect(unnamed.body.errors![0].message).toMatch(/3 subjects.*subjectId/);
      const other = await report('demo-agency-housing', checked.checkId, people.liNa.id, 'INTERCEPTED', '不予中标');
      expect(codes(other)).toEqual(['NOT_FOUND']);

      const intercepted = await report(
        'demo-agency-procurement',
        checked.checkId,
        people.liNa.id.toLowerCase(),
        'INTERCEPTED',
        '失信被执行人，取消中标资格',
      );
      expect(intercepted.body.data!.reportCheckOutcome).toEqual({
        checkId: checked.checkId,
        subjectId: people.liNa.id,
        outcome: 'INTERCEPTED',
        reason: '失信被执行人，取消中标资格',
      });
      const allowed = await report('demo-agency-procurement', checked.checkId, listedEnterprise, 'ALLOWED', '已履行完毕，经复核准予');
      expect(allowed.body.data!.reportCheckOutcome).toMatchObject({ subjectId: listedEnterprise, outcome: 'ALLOWED' });
      const again = await report('demo-agency-procurement', checked.checkId, people.liNa.id, 'ALLOWED', '复核');
      expect(again.body.errors![0].extensions).toMatchObject({ code: 'CONFLICT', state: 'REPORTED' });

      // The subject without a hit, one never checked, and a malformed ID.
      const noHit = await report('demo-agency-procurement', checked.checkId, clean, 'INTERCEPTED', '拦截');
      expect(noHit.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOTHING_TO_INTERCEPT', argument: 'subjectId' });
      for (const s of [clean, person()]) {
        const res = await report('demo-agency-procurement', checked.checkId, s, 'ALLOWED', '准予');
        expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_A_HIT', argument: 'subjectId' });
      }
      const malformed = await report('demo-agency-procurement', checked.checkId, badCheckDigit(clean), 'ALLOWED', '准予');
      expect(malformed.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'subjectId' });

      const lines = await t.hub.hub.query(`SELECT id_number, outcome FROM dishonest_check_line WHERE check_id = $1 ORDER BY line_no`, [
        checked.checkId,
      ]);
      expect(lines).toEqual([
        { id_number: people.liNa.id, outcome: 'INTERCEPTED' },
        { id_number: `${clean.slice(0, 4)}**********${clean.slice(-4)}`, outcome: null },
        { id_number: listedEnterprise, outcome: 'ALLOWED' },
      ]);
    });

    it('keeps the call without a subject for a check of one subject, hit or not', async () => {
      const hit = (await check('demo-agency-procurement', [people.liNa.id], 'BIDDING', 'ZB-9')).body.data!.checkDishonest;
      const ok = await report('demo-agency-procurement', hit.checkId, null, 'INTERCEPTED', '失信被执行人，取消中标资格');
      expect(ok.body.data!.reportCheckOutcome).toEqual({
        checkId: hit.checkId,
        subjectId: people.liNa.id,
        outcome: 'INTERCEPTED',
        reason: '失信被执行人，取消中标资格',
      });
      const again = await report('demo-agency-procurement', hit.checkId, null, 'ALLOWED', '复核');
      expect(again.body.errors![0].extensions).toMatchObject({ code: 'CONFLICT', state: 'REPORTED' });
      const cleanId = person();
      const clean = (await check('demo-agency-procurement', [cleanId], 'BIDDING', 'ZB-10')).body.data!.checkDishonest;
      const nothing = await report('demo-agency-procurement', clean.checkId, null, 'INTERCEPTED', '拦截');
      expect(nothing.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOTHING_TO_INTERCEPT' });
      const empty = await report('demo-agency-procurement', clean.checkId, null, 'ALLOWED', '  ');
      expect(empty.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'reason' });
      // The only subject of a check without a hit may also be named (the hub keeps its ID masked, and finds it so).
      const named = await report('demo-agency-procurement', clean.checkId, cleanId, 'ALLOWED', '未列入名单，准予');
      expect(named.body.data!.reportCheckOutcome).toMatchObject({ subjectId: cleanId, outcome: 'ALLOWED' });
    });

    it('takes outcomes per subject for a batch, and shows the subject to auditors masked', async () => {
      const up = await upload(
        'demo-agency-procurement',
        `${people.liNa.id}\n${person()}\n${listedEnterprise}\n`,
        'purpose=BIDDING&applicationNo=ZB-OUT-1',
      );
      const batch = await finished(up.body.data.dishonestCheckBatch.id);
      expect(batch).toMatchObject({ state: 'DONE', hits: 2 });
      const unnamed = await report('demo-agency-procurement', batch.id, null, 'ALLOWED', '准予');
      expect(unnamed.body.errors![0].extensions).toMatchObject({ reason: 'SUBJECT_REQUIRED' });
      const ok = await report('demo-agency-procurement', batch.id, listedEnterprise, 'INTERCEPTED', '取消投标资格');
      expect(ok.body.data!.reportCheckOutcome).toMatchObject({ subjectId: listedEnterprise, outcome: 'INTERCEPTED' });

      const res = await t.gql(
        `{ auditEntries(filter: { kind: ADMIN, username: "demo-agency-procurement" }, first: 100) { edges { node { subjectIdNumber outcome detail } } } }`,
        { as: 'demo-auditor' },
      );
      const nodes = res.body.data!.auditEntries.edges.map((e: any) => e.node);
      const entry = nodes.find(
        (n: any) =>
          n.outcome === 'ALLOWED' && JSON.parse(n.detail).arguments?.checkId === batch.id && JSON.parse(n.detail).operation === 'reportCheckOutcome',
      );
      expect(entry.subjectIdNumber).toBe(`${listedEnterprise.slice(0, 4)}**********${listedEnterprise.slice(-4)}`);
      expect(JSON.parse(entry.detail).arguments).toMatchObject({ subjectId: entry.subjectIdNumber, outcome: 'INTERCEPTED' });
      expect(JSON.stringify(nodes)).not.toContain(listedEnterprise);
      expect(JSON.stringify(nodes)).not.toContain(people.liNa.id);
    });
  });

  describe('batch', () => {
    it('reads a GBK file with a header, reports bad lines by number and checks the rest', async () => {
      const clean = person();
      const csv = [
        '证件号码,姓名',
        `${people.liNa.id},李娜`,
        `${badCheckDigit(clean)},王五`,
        `${clean},赵六`,
        `${clean},赵六`,
        `${listedEnterprise}`,
        `${person()},孙七`,
      ].join('\r\n');
      const up = await upload('demo-agency-procurement', iconv.encode(csv, 'gbk'));
      expect(up.status).toBe(202);
      const batch = await finished(up.body.data.dishonestCheckBatch.id);
      expect(batch).toMatchObject({ state: 'DONE', total: 6, done: 6, hits: 1, errors: 3 });
      const { rows } = await result(batch.id);
      expect(rows[0][0]).toBe('行号');
      const byLine = new Map(rows.slice(1).map((r) => [r[0], r]));
      expect(byLine.get('2')!.slice(1, 6)).toEqual([people.liNa.id, '命中', '金寨县人民法院', '(2024)皖1524执124号', '2024-05-10']);
      expect(byLine.get('2')![6]).toMatch(/限制参与政府采购活动/);
      expect(byLine.get('3')![2]).toBe('错误');
      expect(byLine.get('3')![7]).toMatch(/check/);
      expect(byLine.get('4')![2]).toBe('未命中');
      expect(byLine.get('4')![1]).toMatch(/^\d{4}\*{10}[\dX]{4}$/); // kept masked: no hit
      expect(byLine.get('5')![7]).toBe('duplicate of line 4');
      expect(byLine.get('6')![7]).toMatch(/columns/);
      expect(byLine.get('7')![2]).toBe('未命中');
    });

    it('reads UTF-8 with a BOM and without a header, and UTF-8 without a BOM', async () => {
      const withBom = await upload(
        'demo-agency-procurement',
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${people.liNa.id}\n${person()}\n`)]),
      );
      expect(withBom.status).toBe(202);
      expect(await finished(withBom.body.data.dishonestCheckBatch.id)).toMatchObject({ total: 2, hits: 1, errors: 0 });
      const plain = await upload(
        'demo-agency-procurement',
        Buffer.from(`证件号码,名称\n${listedEnterprise},金寨县测试建设有限公司\n\n${person()},"张,三"\n`, 'utf8'),
      );
      const batch = await finished(plain.body.data.dishonestCheckBatch.id);
      expect(batch).toMatchObject({ total: 3, hits: 1, errors: 1 });
      const { rows } = await result(batch.id);
      expect(rows.find((r) => r[0] === '3')![7]).toBe('empty line');
    });

    it('refuses a file over the limit with 413 and keeps nothing', async () => {
      const lines = Array.from({ length: 1001 }, person).join('\n');
      const res = await upload('demo-agency-procurement', lines);
      expect(res.status).toBe(413);
      expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_LINES' });
    });

    it('refuses an undeclared purpose, a bad token and another agency’s download', async () => {
      const undeclared = await upload('demo-agency-procurement', people.liNa.id, 'purpose=LAND&applicationNo=x');
      expect(undeclared.status).toBe(400);
      expect(undeclared.body.errors[0].extensions.reason).toBe('PURPOSE_NOT_DECLARED');
      const noToken = await fetch(`${base}/dishonest-checks/batch?purpose=BIDDING&applicationNo=x`, { method: 'POST', body: people.liNa.id });
      expect(noToken.status).toBe(401);
      const up = await upload('demo-agency-procurement', people.liNa.id);
      const batch = await finished(up.body.data.dishonestCheckBatch.id);
      expect((await result(batch.id, 'demo-agency-housing')).status).toBe(404);
      expect(codes(await t.gql(BATCH, { as: 'demo-agency-housing', variables: { id: batch.id } }))).toEqual(['NOT_FOUND']);
      const clerk = await upload('demo-clerk', people.liNa.id);
      expect(clerk.status).toBe(403);
    });
  });

  describe('rate limit and alerts', () => {
    it('refuses checks past the agency’s limit per minute with RATE_LIMITED', async () => {
      const first = await check('demo-agency-housing', Array.from({ length: 100 }, person), 'LICENCE', 'ZZ-1');
      expect(first.body.errors).toBeUndefined();
      const second = await check('demo-agency-housing', Array.from({ length: 100 }, person), 'LICENCE', 'ZZ-2');
      expect(second.body.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'RATE_LIMITED' });
      expect(second.body.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
      // A hundred subjects without a hit need no outcome.
      const alerts = await t.gql('{ auditAlerts { rule username } }', { as: 'demo-auditor' });
      expect(alerts.body.data!.auditAlerts.filter((a: any) => a.rule === 'CHECKS_WITHOUT_OUTCOME' && a.username === 'demo-agency-housing')).toEqual(
        [],
      );
    });

    describe('across hub processes on one database', () => {
      // Two hubs on the test hub's databases, sharing a clock that stands in the middle of a minute: the limit is a
      // sliding window estimated from fixed ones, so a window boundary passed between two calls would carry over
      // only part of the earlier count.
      const clock = new ManualClock(new Date(Math.floor(Date.now() / 60_000) * 60_000 + 30_000));
      let first: Hub;
      let second: Hub;
      const on = async (hub: Hub, as: string, subjects: string[], purpose: string, applicationNo: string) => {
        const res = await fetch(hub.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.token(as)}` },
          body: JSON.stringify({ query: CHECK, variables: { input: { subjects, purpose, applicationNo } } }),
        });
        return (await res.json()) as { data?: any; errors?: Array<{ extensions?: Record<string, unknown> }> };
      };
      beforeAll(async () => {
        first = await startHub({ ...t.config, port: 0 }, undefined, { clock });
        second = await startHub({ ...t.config, port: 0 }, undefined, { clock });
      }, 90000);
      afterAll(async () => {
        await first?.stop();
        await second?.stop();
      });

      it('counts an agency’s checks on every hub against one limit', async () => {
        const a = await on(first, 'demo-agency-deposit', Array.from({ length: 100 }, person), 'FINANCING', 'RZ-1');
        expect(a.errors).toBeUndefined();
        const b = await on(second, 'demo-agency-deposit', Array.from({ length: 100 }, person), 'FINANCING', 'RZ-2');
        expect(b.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'RATE_LIMITED' });
        expect(b.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
        // Room left on either hub: 50 more pass, on the other hub.
        const c = await on(second, 'demo-agency-deposit', Array.from({ length: 50 }, person), 'FINANCING', 'RZ-3');
        expect(c.errors).toBeUndefined();
        const d = await on(first, 'demo-agency-deposit', [person()], 'FINANCING', 'RZ-4');
        expect(d.errors![0].extensions).toMatchObject({ reason: 'RATE_LIMITED' });
      });

      it('lets exactly one of two checks sent at once to two hubs take the room left', async () => {
        const answers = await Promise.all([
          on(first, 'demo-agency-market-supervision', Array.from({ length: 80 }, person), 'LICENCE', 'XK-1'),
          on(second, 'demo-agency-market-supervision', Array.from({ length: 80 }, person), 'LICENCE', 'XK-2'),
        ]);
        expect(answers.map((r) => r.errors?.[0]?.extensions?.reason ?? 'PASSED').sort()).toEqual(['PASSED', 'RATE_LIMITED']);
      });
    });

    it('alerts on subjects found on the list without an outcome, counted per subject', async () => {
      const credit = await t.hub.sourceDatabases.credit.ready();
      const listed = Array.from({ length: 11 }, person);
      for (const [i, id] of listed.entries()) {
        await credit.query(
          `INSERT INTO dishonest_debtor_entry (subject_id_number, subject_name, court, case_no, obligation, circumstance, listed_on)
           VALUES ($1, '测试', '金寨县人民法院', $2, '支付货款', '有履行能力而拒不履行生效法律文书确定义务', '2025-04-01')`,
          [id, `(2025)皖1524执${400 + i}号`],
        );
      }
      const as = 'demo-agency-housing-fund';
      const declared = await t.gql(`mutation { declareCheckPurposes(organisationCode: "AG-3415-GJJ", purposes: [SUBSIDIES]) { purposes } }`, {
        as: 'demo-admin',
      });
      expect(declared.body.data!.declareCheckPurposes.purposes).toEqual(['SUBSIDIES']);
      // A check without a hit first, then one with eleven hits.
      expect((await check(as, [person()], 'SUBSIDIES', 'BZ-0')).body.errors).toBeUndefined();
      const checked = (await check(as, [...listed, person()], 'SUBSIDIES', 'BZ-1')).body.data!.checkDishonest;
      expect(checked.results.filter((r: { hit: boolean }) => r.hit)).toHaveLength(11);
      const mine = async () =>
        (
          (await t.gql('{ auditAlerts { rule username count threshold firstSeq lastSeq } }', { as: 'demo-auditor' })).body.data!.auditAlerts as any[]
        ).filter((a) => a.rule === 'CHECKS_WITHOUT_OUTCOME' && a.username === as);
      const REPORT = `mutation ($id: ID!, $s: String!, $o: CheckOutcome!) { reportCheckOutcome(checkId: $id, subjectId: $s, outcome: $o, reason: "已处理") { outcome } }`;
      const report = async (s: string, o: string) =>
        expect((await t.gql(REPORT, { as, variables: { id: checked.checkId, s, o } })).body.errors).toBeUndefined();

      const [before] = await mine();
      expect(before).toMatchObject({ count: 11, threshold: 10 });
      // The entries linked are all the day's CHECK entries of the user, the check without a hit among them.
      const entries = await t.gql(`{ auditEntries(filter: { kind: CHECK, username: "${as}" }, first: 50) { edges { node { seq detail } } } }`, {
        as: 'demo-auditor',
      });
      const seqs = entries.body.data!.auditEntries.edges.map((e: any) => BigInt(e.node.seq));
      const noHit = entries.body.data!.auditEntries.edges.find((e: any) => JSON.parse(e.node.detail).applicationNo === 'BZ-0').node.seq;
      expect(BigInt(before.firstSeq)).toBeLessThanOrEqual(BigInt(noHit));
      expect([BigInt(before.firstSeq), BigInt(before.lastSeq)]).toEqual([
        seqs.reduce((a: bigint, b: bigint) => (a < b ? a : b)),
        seqs.reduce((a: bigint, b: bigint) => (a > b ? a : b)),
      ]);

      // One outcome does not settle the other ten; the second brings them under the threshold.
      await report(listed[0], 'INTERCEPTED');
      expect((await mine()).map((a) => a.count)).toEqual([10]);
      await report(listed[1], 'ALLOWED');
      expect(await mine()).toEqual([]);
    });
  });

  describe('audit', () => {
    it('records every check per subject with purpose and application number, masked for the auditor', async () => {
      await check('demo-agency-procurement', [leavingToo], 'SUBSIDIES', 'BT-2026-5');
      const res = await t.gql(
        `{ auditEntries(filter: { kind: CHECK, username: "demo-agency-procurement" }, first: 50) { edges { node { kind subjectIdNumber outcome detail fields { path outcome } } } } }`,
        { as: 'demo-auditor' },
      );
      const nodes = res.body.data!.auditEntries.edges.map((e: any) => e.node);
      const entry = nodes.find((n: any) => JSON.parse(n.detail).applicationNo === 'BT-2026-5');
      expect(entry).toMatchObject({ kind: 'CHECK', outcome: 'ALLOWED', fields: [{ path: 'dishonest', outcome: 'ALLOW' }] });
      expect(entry.subjectIdNumber).toBe(`${leavingToo.slice(0, 4)}**********${leavingToo.slice(-4)}`);
      expect(JSON.parse(entry.detail)).toMatchObject({ operation: 'checkDishonest', purpose: 'SUBSIDIES' });
      expect(JSON.stringify(nodes)).not.toContain(leavingToo);
      // Batch lines too, each with its line number.
      expect(nodes.some((n: any) => JSON.parse(n.detail).operation === 'dishonestCheckBatch' && JSON.parse(n.detail).line === 2)).toBe(true);
      // The arguments of the mutation's own entry are masked as well.
      const ops = await t.gql(
        `{ auditEntries(filter: { kind: ADMIN, username: "demo-agency-procurement" }, first: 50) { edges { node { detail } } } }`,
        {
          as: 'demo-auditor',
        },
      );
      expect(JSON.stringify(ops.body.data!.auditEntries)).not.toContain(people.liNa.id);
      expect(JSON.stringify(ops.body.data!.auditEntries)).toContain('checkDishonest');
    });
  });

  describe('leaving the list', () => {
    it('notifies the agencies that checked a subject when its entry is removed, once', async () => {
      await check('demo-agency-procurement', [leaving], 'GOVERNMENT_PROCUREMENT', 'CG-77');
      await check('demo-agency-housing', [leaving], 'BIDDING', 'ZB-77').catch(() => undefined);
      const credit = await t.hub.sourceDatabases.credit.ready();
      await credit.query(`UPDATE dishonest_debtor_entry SET removed_on = '2026-11-30' WHERE subject_id_number = $1`, [leaving]);
      const sent = await sweepListExits(t.hub.checks);
      expect(sent).toBeGreaterThanOrEqual(1);
      const notes = await t.gql('{ notifications(first: 20) { edges { node { kind message } } } }', { as: 'demo-agency-procurement' });
      const exit = notes.body.data!.notifications.edges.map((e: any) => e.node).filter((n: any) => n.kind === 'LIST_EXIT');
      expect(exit).toHaveLength(1);
      expect(exit[0].message).toContain(leaving);
      expect(exit[0].message).toContain('CG-77');
      expect(exit[0].message).toContain('2026-11-30移出名单');
      expect(await sweepListExits(t.hub.checks)).toBe(0);
      const clerkNotes = await t.gql('{ notifications(first: 20) { edges { node { kind } } } }', { as: 'demo-clerk' });
      expect(clerkNotes.body.data!.notifications.edges.filter((e: any) => e.node.kind === 'LIST_EXIT')).toEqual([]);
    });

    it('lets credit repair notify directly through notifyListExit, within its transaction', async () => {
      const n = await t.hub.hub.transaction((m) => notifyListExit(m, leavingToo, '信用修复', { audit: t.hub.audit }));
      expect(n).toBe(1);
      const notes = await t.gql('{ notifications(first: 20) { edges { node { kind message } } } }', { as: 'demo-agency-procurement' });
      expect(notes.body.data!.notifications.edges.some((e: any) => e.node.kind === 'LIST_EXIT' && e.node.message.includes('信用修复'))).toBe(true);
      expect(await t.hub.hub.transaction((m) => notifyListExit(m, leavingToo, '信用修复'))).toBe(0);
    });
  });
});
