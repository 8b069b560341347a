import { execFile } from 'node:child_process';
import { createHash, createPublicKey, randomUUID, verify } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { isOutsideWorkingHours } from '../../src/audit/alert-rules';
import { checkpointStatement, type Checkpoint } from '../../src/audit/audit-checkpoints';
import {
  ENTRY_SELECT,
  entryFromRow,
  entryHash,
  fieldsDigest,
  storedForm,
  type AuditDraft,
  type AuditEntryRow,
  type ChainedEntry,
} from '../../src/audit/audit-entry-hash';
import { residentIdCheckChar } from '../../src/ids/resident-id';
import { AUDIT_WRITE_FAILED } from '../../src/audit/audit-plugin';
import { copyOnClient, copyOnPool } from '../../src/audit/audit-copy';
import { chain } from '../../src/audit/audit-entry-hash';
import { insertEntries, listDigests } from '../../src/audit/insert-entries';
import { AuditWriter } from '../../src/audit/audit-writer';
import { splitRange, verifyAuditChain } from '../../src/audit/audit-verifier';
import { startHub, type Hub } from '../../src/hub';
import { DEMO, demoIdentities } from '../../src/seed/demo-data';
import { codes, startTestHub, type TestHub } from '../support/test-hub';
import { asFormat2, asFormat3, auditDraft } from '../support/audit-draft';

const SUBJECT_FIELDS = `id kind name idNumber phone
  realEstate { certificateNo encumbrances { kind caseNo } }
  vehicles { plate status }
  tax { creditGrade arrears { amount } legalRepresentative { name idNumber } }
  socialSecurity { insuredStatus }
  credit { dishonest }`;
const CLERK_CASE = `query ClerkInquiry($caseNo: String!) { executionCase(caseNo: $caseNo) { caseNo respondents { ${SUBJECT_FIELDS} } } }`;
const ADMINISTRATOR_CASE = `query Debtor($caseNo: String!) { bankruptcyCase(caseNo: $caseNo) { debtor { name idNumber phone tax { creditGrade legalRepresentative { name idNumber } } } } }`;

// Within the query cost limit; every field is read somewhere in this file.
const ENTRY_FIELDS = `seq at kind username organisation role caseNo subjectIdNumber outcome`;

describe('audit log', () => {
  let t: TestHub;
  const p = demoIdentities();
  const rid = (label: string) => `${label}-${randomUUID()}`;
  // Each row with its list of fields, wherever it is kept (`fields` in entries of format 3, by digest in format 4).
  const entriesOf = async (requestId: string): Promise<Array<Record<string, any>>> =>
    ((await t.hub.hub.query(`${ENTRY_SELECT} WHERE correlation_id = $1 ORDER BY seq`, [requestId])) as Array<Record<string, any>>).map(
      ({ listed_fields, ...row }) => ({ ...row, fields: row.fields ?? listed_fields }),
    );
  const superuser = async () => {
    const client = new Client({ connectionString: t.dbUrls.hub });
    await client.connect();
    return client;
  };
  // An entry as the writer is given it, under its own username and request id; with `fields`, the list of fields read.
  const draft = (username: string, fields: AuditDraft['fields'] = []): AuditDraft => auditDraft({ requestId: randomUUID(), username, fields });

  beforeAll(async () => {
    t = await startTestHub({ AUDIT_CHECKPOINT_INTERVAL_MS: '0', SUBJECT_READ_RATE_LIMIT: '0' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  describe('what is recorded', () => {
    it('records one entry per respondent read, with the field paths, their outcomes and the sources consulted', async () => {
      const requestId = rid('read');
      const res = await t.gql(CLERK_CASE, { as: 'demo-clerk', variables: { caseNo: DEMO.clerkCase }, headers: { 'x-request-id': requestId } });
      expect(res.body.errors).toBeUndefined();
      const all = await entriesOf(requestId);
      // The case parties; the third entry is the enterprise's legal representative (see the linked-person test).
      const entries = all.filter((e) => e.subject_id !== null);
      expect(entries).toHaveLength(2);
      expect(all).toHaveLength(3);
      const person = entries.find((e) => e.subject_kind === 'PERSON')!;
      expect(person).toMatchObject({
        kind: 'READ',
        username: 'demo-clerk',
        role: 'CLERK',
        organisation_code: '皖1524',
        case_kind: 'EXECUTION',
        case_no: DEMO.clerkCase,
        subject_id_number: p.zhangWei.id,
        outcome: 'ALLOWED',
        operation_name: 'ClerkInquiry',
      });
      expect(person.client_address).toMatch(/127\.0\.0\.1/);
      const paths = Object.fromEntries(person.fields.map((f: any) => [f.path, f.outcome]));
      expect(paths).toMatchObject({
        name: 'ALLOW',
        idNumber: 'ALLOW',
        'vehicles.plate': 'ALLOW',
        'realEstate.encumbrances.caseNo': 'ALLOW',
        'socialSecurity.insuredStatus': 'ALLOW',
      });
      const enterprise = entries.find((e) => e.subject_kind === 'ENTERPRISE')!;
      expect(enterprise.fields).toEqual(
        expect.arrayContaining([
          { path: 'tax.arrears.amount', outcome: 'ALLOW' },
          { path: 'tax.legalRepresentative.idNumber', outcome: 'ALLOW' },
        ]),
      );
      expect(Object.keys(paths).some((path) => /\d/.test(path))).toBe(false);
      expect(person.sources).toEqual(['credit', 'property', 'socialSecurity', 'tax', 'vehicle'].map((source) => ({ source, state: 'OK' })));
    });

    it('records masked and denied fields, and the sources asked about a linked person, as a partial read', async () => {
      const requestId = rid('partial');
      const res = await t.gql(ADMINISTRATOR_CASE, {
        as: 'demo-administrator',
        variables: { caseNo: DEMO.bankruptcyCase },
        headers: { 'x-request-id': requestId },
      });
      expect(res.body.data!.bankruptcyCase.debtor.phone).toBeNull();
      const [entry] = await entriesOf(requestId);
      expect(entry).toMatchObject({ kind: 'READ', role: 'ADMINISTRATOR', case_kind: 'BANKRUPTCY', case_no: DEMO.bankruptcyCase, outcome: 'PARTIAL' });
      const paths = Object.fromEntries(entry.fields.map((f: any) => [f.path, f.outcome]));
      expect(paths).toMatchObject({ name: 'ALLOW', phone: 'DENY', 'tax.creditGrade': 'ALLOW', 'tax.legalRepresentative.idNumber': 'MASK' });
      expect(entry.sources.map((s: any) => s.source)).toEqual(['tax']);
    });

    it('records a refused case under the case number that was asked for', async () => {
      const requestId = rid('refused');
      const res = await t.gql(CLERK_CASE, { as: 'demo-clerk-2', variables: { caseNo: DEMO.clerkCase }, headers: { 'x-request-id': requestId } });
      expect(codes(res)).toEqual(['FORBIDDEN']);
      const entries = await entriesOf(requestId);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        kind: 'REFUSAL',
        username: 'demo-clerk-2',
        case_kind: 'EXECUTION',
        case_no: DEMO.clerkCase,
        subject_id_number: null,
        outcome: 'DENIED',
        fields: [{ path: 'Query.executionCase', outcome: 'DENY' }],
      });
    });

    it('records an auditor’s attempt to read a case as a refusal', async () => {
      const requestId = rid('auditor-case');
      await t.gql(CLERK_CASE, { as: 'demo-auditor', variables: { caseNo: DEMO.clerkCase }, headers: { 'x-request-id': requestId } });
      expect(await entriesOf(requestId)).toEqual([
        expect.objectContaining({ kind: 'REFUSAL', role: 'AUDITOR', outcome: 'DENIED', case_no: DEMO.clerkCase }),
      ]);
    });

    it('records a valid token that names an unknown user, and still answers UNAUTHENTICATED', async () => {
      const requestId = rid('ghost');
      const res = await t.gql('{ me { username } }', { auth: `Bearer ${await t.token('ghost-user')}`, headers: { 'x-request-id': requestId } });
      expect(codes(res)).toEqual(['UNAUTHENTICATED']);
      expect(await entriesOf(requestId)).toEqual([
        expect.objectContaining({ kind: 'AUTH_FAILURE', username: 'ghost-user', outcome: 'DENIED', role: null }),
      ]);
    });

    it('records an admin operation before it runs and again with its result, arguments included', async () => {
      const requestId = rid('admin-op');
      const res = await t.gql(
        `mutation AddFirm { createOrganisation(input: { code: "AUDIT-FIRM-1", name: "审计测试律师事务所", kind: ADMINISTRATOR_FIRM }) { code } }`,
        {
          as: 'demo-admin',
          headers: { 'x-request-id': requestId },
        },
      );
      expect(res.body.errors).toBeUndefined();
      const entries = await entriesOf(requestId);
      expect(entries.map((e) => `${e.kind} ${e.outcome} ${e.detail.operation}`)).toEqual([
        'ADMIN REQUESTED createOrganisation',
        'ADMIN ALLOWED createOrganisation',
      ]);
      expect(entries[0]).toMatchObject({
        username: 'demo-admin',
        role: 'ADMIN',
        operation_name: 'AddFirm',
        detail: { arguments: { input: { code: 'AUDIT-FIRM-1', kind: 'ADMINISTRATOR_FIRM' } } },
      });
    });

    it('records an admin operation attempted by a clerk as requested, then denied', async () => {
      const requestId = rid('admin-denied');
      const res = await t.gql(`mutation { disableUser(username: "demo-clerk-2") { username } }`, {
        as: 'demo-clerk',
        headers: { 'x-request-id': requestId },
      });
      expect(codes(res)).toEqual(['FORBIDDEN']);
      expect((await entriesOf(requestId)).map((e) => `${e.kind} ${e.outcome} ${e.username}`)).toEqual([
        'ADMIN REQUESTED demo-clerk',
        'ADMIN DENIED demo-clerk',
      ]);
    });

    it('records the outcome the masking applied, not one recomputed from the policy', async () => {
      // With authorization off for a benchmark nothing is masked, and the entry must say so.
      const bare = await startHub({ ...t.config, port: 0, shieldDisabledForBenchmark: true });
      try {
        const requestId = rid('applied');
        const res = await fetch(bare.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.token('demo-administrator')}`, 'x-request-id': requestId },
          body: JSON.stringify({ query: ADMINISTRATOR_CASE, variables: { caseNo: DEMO.bankruptcyCase } }),
        }).then((r) => r.json() as Promise<any>);
        expect(res.data.bankruptcyCase.debtor.tax.legalRepresentative.idNumber).toBe(p.chenJing.id);
        const [entry] = (await entriesOf(requestId)).filter((e) => e.subject_id !== null);
        expect(entry.fields).toContainEqual({ path: 'tax.legalRepresentative.idNumber', outcome: 'ALLOW' });
        // A field the table denies the role is served, and recorded as served.
        expect(entry.fields).toContainEqual({ path: 'phone', outcome: 'ALLOW' });
        expect(entry.outcome).toBe('ALLOWED');
      } finally {
        await bare.stop();
      }
      const requestId = rid('applied-masked');
      await t.gql(ADMINISTRATOR_CASE, {
        as: 'demo-administrator',
        variables: { caseNo: DEMO.bankruptcyCase },
        headers: { 'x-request-id': requestId },
      });
      const [entry] = (await entriesOf(requestId)).filter((e) => e.subject_id !== null);
      expect(entry.fields).toContainEqual({ path: 'tax.legalRepresentative.idNumber', outcome: 'MASK' });
    });

    it('writes nothing for requests that read no subject and were not refused', async () => {
      const requestId = rid('me');
      await t.gql('{ me { username } myExecutionCases { totalCount } }', { as: 'demo-clerk', headers: { 'x-request-id': requestId } });
      expect(await entriesOf(requestId)).toEqual([]);
    });
  });

  describe('fail closed', () => {
    beforeAll(async () => {
      const db = await superuser();
      // Stands in for any failure of the append (constraint, disk, lost connection): it refuses marked requests only.
      await db.query(`CREATE FUNCTION test_refuse_marked() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.correlation_id LIKE 'unrecordable-%' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`);
      await db.query(`CREATE TRIGGER test_refuse_marked BEFORE INSERT ON audit_entry FOR EACH ROW EXECUTE FUNCTION test_refuse_marked()`);
      await db.end();
    });
    afterAll(async () => {
      const db = await superuser();
      await db.query(`DROP TRIGGER test_refuse_marked ON audit_entry`);
      await db.end();
    });

    it('withholds every piece of subject data when the entries cannot be written', async () => {
      const requestId = rid('unrecordable');
      const res = await t.gql(CLERK_CASE, { as: 'demo-clerk', variables: { caseNo: DEMO.clerkCase }, headers: { 'x-request-id': requestId } });
      expect(res.status).toBe(500);
      expect(res.body).toEqual({ data: null, errors: [{ message: AUDIT_WRITE_FAILED, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      expect(await entriesOf(requestId)).toEqual([]);
    });

    it('does not run an operation whose request cannot be recorded first', async () => {
      const before = await t.hub.hub.query(`SELECT count(*)::int AS n FROM audit_checkpoint`);
      const res = await t.gql('mutation { createAuditCheckpoint { seq } }', { as: 'demo-auditor', headers: { 'x-request-id': rid('unrecordable') } });
      expect(res.body).toEqual({ data: null, errors: [{ message: AUDIT_WRITE_FAILED, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      expect(await t.hub.hub.query(`SELECT count(*)::int AS n FROM audit_checkpoint`)).toEqual(before);
    });

    it('keeps answering other requests while one cannot be recorded', async () => {
      const [bad, good] = await Promise.all([
        t.gql(CLERK_CASE, { as: 'demo-clerk', variables: { caseNo: DEMO.clerkCase }, headers: { 'x-request-id': rid('unrecordable') } }),
        t.gql(CLERK_CASE, { as: 'demo-clerk', variables: { caseNo: DEMO.clerkCase2 }, headers: { 'x-request-id': rid('recordable') } }),
      ]);
      expect(bad.body.data).toBeNull();
      expect(good.body.data!.executionCase.respondents).toHaveLength(1);
    });
  });

  describe('the auditor’s API', () => {
    it('lists entries newest first, filtered, with the subject’s ID number masked', async () => {
      const q = `query ($filter: AuditEntryFilter, $after: String) { auditEntries(filter: $filter, first: 2, after: $after) {
        edges { cursor node { ${ENTRY_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
      await t.gql(CLERK_CASE, { as: 'demo-clerk', variables: { caseNo: DEMO.clerkCase } });
      const res = await t.gql(q, { as: 'demo-auditor', variables: { filter: { username: 'demo-clerk', kind: 'READ', caseNo: DEMO.clerkCase } } });
      expect(res.body.errors).toBeUndefined();
      const page = res.body.data!.auditEntries;
      expect(page.edges).toHaveLength(2);
      const seqs = page.edges.map((e: any) => Number(e.node.seq));
      expect(seqs[0]).toBeGreaterThan(seqs[1]);
      for (const { node } of page.edges) {
        expect(node).toMatchObject({ username: 'demo-clerk', kind: 'READ', caseNo: DEMO.clerkCase, role: 'CLERK' });
        expect(node.subjectIdNumber).toMatch(/^\w{4}\*+\w{4}$/);
      }
      const next = await t.gql(q, {
        as: 'demo-auditor',
        variables: { filter: { username: 'demo-clerk', kind: 'READ', caseNo: DEMO.clerkCase }, after: page.pageInfo.endCursor },
      });
      expect(Number(next.body.data!.auditEntries.edges[0].node.seq)).toBeLessThan(seqs[1]);
    });

    it.each([
      [{ outcome: 'DENIED' }, (n: any) => n.outcome === 'DENIED'],
      [{ role: 'ADMINISTRATOR' }, (n: any) => n.role === 'ADMINISTRATOR'],
      [{ organisation: '皖1524' }, (n: any) => n.organisation === '皖1524'],
      [{ kind: 'AUTH_FAILURE' }, (n: any) => n.kind === 'AUTH_FAILURE' && n.username === 'ghost-user'],
      [{ from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() }, () => true],
    ])('filters by %o', async (filter, holds) => {
      const res = await t.gql(
        `query ($filter: AuditEntryFilter) { auditEntries(filter: $filter, first: 50) { edges { node { ${ENTRY_FIELDS} } } } }`,
        {
          as: 'demo-auditor',
          variables: { filter },
        },
      );
      const nodes = res.body.data!.auditEntries.edges.map((e: any) => e.node);
      expect(nodes.length).toBeGreaterThan(0);
      expect(nodes.filter((n: any) => !holds(n))).toEqual([]);
    });

    it('finds nothing in a time range before the log began', async () => {
      const res = await t.gql(`{ auditEntries(filter: { to: "2001-01-01T00:00:00Z" }) { edges { cursor } pageInfo { hasNextPage } } }`, {
        as: 'demo-auditor',
      });
      expect(res.body.data!.auditEntries).toEqual({ edges: [], pageInfo: { hasNextPage: false } });
    });

    it('shows who read a person, when and under which case', async () => {
      const res = await t.gql(
        `query ($id: String!) { subjectAccessHistory(subjectId: $id, first: 50) { edges { node { username caseNo kind at fields { path } } } } }`,
        {
          as: 'demo-auditor',
          variables: { id: p.zhangWei.id.toLowerCase() },
        },
      );
      const nodes = res.body.data!.subjectAccessHistory.edges.map((e: any) => e.node);
      expect(nodes.length).toBeGreaterThanOrEqual(1);
      expect(new Set(nodes.map((n: any) => `${n.kind} ${n.username} ${n.caseNo}`))).toEqual(new Set([`READ demo-clerk ${DEMO.clerkCase}`]));
    });

    it.each([
      ['subjectAccessHistory(subjectId: "340000000000000000") { edges { cursor } }', 'subjectId'],
      ['auditEntries(filter: { subjectId: "12345" }) { edges { cursor } }', 'filter.subjectId'],
      ['auditEntries(filter: { caseNo: "nope" }) { edges { cursor } }', 'filter.caseNo'],
      ['auditEntries(first: 0) { edges { cursor } }', 'first'],
      ['auditEntries(after: "bm9wZQ") { edges { cursor } }', 'after'],
      ['verifyAuditLog(fromSeq: "-1") { ok }', 'fromSeq'],
      ['verifyAuditLog(from: "2025-02-01T00:00:00Z", to: "2025-01-01T00:00:00Z") { ok }', 'to'],
      ['verifyAuditLog(from: "0000-12-31T00:00:00Z") { ok }', 'from'],
      ['auditAlerts(since: "2020-01-01T00:00:00Z") { rule }', 'since'],
    ])('answers %s with BAD_USER_INPUT naming %s', async (field, argument) => {
      const res = await t.gql(`{ ${field} }`, { as: 'demo-auditor' });
      expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    });

    it.each(['demo-clerk', 'demo-administrator', 'demo-admin'])('refuses the log to %s, and records the attempt', async (as) => {
      const requestId = rid('not-auditor');
      const res = await t.gql(
        `{ auditEntries { edges { node { seq } } } subjectAccessHistory(subjectId: "${p.zhangWei.id}") { edges { cursor } } }`,
        {
          as,
          headers: { 'x-request-id': requestId },
        },
      );
      expect(codes(res)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      expect(res.body.data).toEqual({ auditEntries: null, subjectAccessHistory: null });
      const entries = await entriesOf(requestId);
      expect(entries.map((e) => `${e.kind} ${e.outcome} ${e.detail.operation}`).sort()).toEqual([
        'AUDIT DENIED auditEntries',
        'AUDIT DENIED subjectAccessHistory',
      ]);
    });

    it('records the auditor’s own look-ups, naming the subject looked up', async () => {
      const requestId = rid('lookup');
      await t.gql(`{ subjectAccessHistory(subjectId: "${p.zhangWei.id}") { edges { cursor } } }`, {
        as: 'demo-auditor',
        headers: { 'x-request-id': requestId },
      });
      expect(await entriesOf(requestId)).toEqual([
        expect.objectContaining({
          kind: 'AUDIT',
          outcome: 'ALLOWED',
          username: 'demo-auditor',
          subject_id_number: p.zhangWei.id,
          detail: expect.objectContaining({ operation: 'subjectAccessHistory' }),
        }),
      ]);
    });

    it('raises alerts for bulk reads, repeated refusals and one subject under many cases', async () => {
      const draft = (over: Partial<AuditDraft>): AuditDraft => ({
        requestId: rid('synthetic'),
        kind: 'READ',
        username: 'bulk-reader',
        organisationCode: '皖1524',
        role: 'CLERK',
        caseKind: 'EXECUTION',
        caseNo: '(2024)皖1524执900号',
        subjectId: null,
        subjectKind: 'PERSON',
        subjectIdNumber: null,
        fields: [{ path: 'name', outcome: 'ALLOW' }],
        sources: [],
        outcome: 'ALLOWED',
        clientAddress: null,
        operationName: null,
        detail: null,
        ...over,
      });
      const written = await t.hub.audit!.writer.append([
        ...Array.from({ length: 20 }, (_, i) => draft({ subjectIdNumber: `SUBJ${String(i).padStart(14, '0')}` })),
        ...Array.from({ length: 5 }, () => draft({ username: 'refused-often', kind: 'REFUSAL', outcome: 'DENIED' })),
        ...[1, 2, 3].map((n) => draft({ username: 'many-cases', subjectIdNumber: 'MANYCASES000000001', caseNo: `(2024)皖1524执90${n}号` })),
      ]);
      const res = await t.gql(`{ auditAlerts { rule username subjectIdNumber count threshold caseNos firstSeq lastSeq description } }`, {
        as: 'demo-auditor',
      });
      expect(res.body.errors).toBeUndefined();
      const alerts = res.body.data!.auditAlerts;
      expect(alerts).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ rule: 'BULK_READS', username: 'bulk-reader', count: 20, threshold: 20 }),
          expect.objectContaining({ rule: 'REPEATED_REFUSALS', username: 'refused-often', count: 5, threshold: 5 }),
          expect.objectContaining({
            rule: 'SUBJECT_MANY_CASES',
            subjectIdNumber: 'MANY**********0001',
            count: 3,
            caseNos: expect.arrayContaining(['(2024)皖1524执903号']),
          }),
        ]),
      );
      expect(alerts.filter((a: any) => a.rule === 'BULK_READS' && a.username !== 'bulk-reader')).toEqual([]);
      const offHours = alerts.some((a: any) => a.rule === 'OFF_HOURS' && a.username === 'bulk-reader');
      expect(offHours).toBe(isOutsideWorkingHours(written[0].at));
    });
  });

  describe('what the log does not give away', () => {
    const auditorView = async (filter: Record<string, unknown>, fields = 'seq subjectIdNumber detail hash prevHash') =>
      (
        await t.gql(`query ($filter: AuditEntryFilter) { auditEntries(filter: $filter, first: 20) { edges { node { ${fields} } } } }`, {
          as: 'demo-auditor',
          variables: { filter },
        })
      ).body.data!.auditEntries.edges.map((e: any) => e.node);

    it('shows auditors the ID numbers and person names in an admin operation’s arguments masked, and keeps them whole in the entry', async () => {
      const requestId = rid('masked-args');
      const person = { idNumber: '341524198604123508', name: '郑丽' };
      const enterprise = { idNumber: '91341524MAQ7C7XA75', name: '金寨县远航物流有限公司' };
      const res = await t.gql(`mutation ($input: CreateExecutionCaseInput!) { createExecutionCase(input: $input) { caseNo } }`, {
        as: 'demo-admin',
        headers: { 'x-request-id': requestId },
        variables: { input: { caseNo: '(2024)皖1524执131号', filedOn: '2024-06-03', amountDue: '52000.00', respondents: [person, enterprise] } },
      });
      expect(res.body.errors).toBeUndefined();
      const stored = await entriesOf(requestId);
      expect(JSON.stringify(stored[0].detail)).toContain(person.idNumber);
      const shown = (await auditorView({ kind: 'ADMIN' })).filter((n: any) => stored.some((e) => e.seq === n.seq));
      expect(shown).toHaveLength(2);
      for (const node of shown) {
        for (const secret of [person.idNumber, person.name, enterprise.idNumber]) expect(node.detail).not.toContain(secret);
        const respondents = JSON.parse(node.detail).arguments.input.respondents;
        expect(respondents).toEqual([
          { idNumber: '3415**********3508', name: '郑*' },
          { idNumber: '9134**********XA75', name: enterprise.name },
        ]);
      }
    });

    it('shows auditors their own searches with the ID number searched for masked', async () => {
      const requestId = rid('own-search');
      await t.gql(`{ subjectAccessHistory(subjectId: "${p.liNa.id}") { edges { cursor } } }`, {
        as: 'demo-auditor',
        headers: { 'x-request-id': requestId },
      });
      const [stored] = await entriesOf(requestId);
      const [node] = (await auditorView({ kind: 'AUDIT', username: 'demo-auditor' })).filter((n: any) => n.seq === stored.seq);
      expect(node.detail).not.toContain(p.liNa.id);
      expect(JSON.parse(node.detail).arguments.subjectId).toBe(`${p.liNa.id.slice(0, 4)}**********${p.liNa.id.slice(-4)}`);
      expect(node.subjectIdNumber).not.toBe(p.liNa.id);
    });

    it('gives no way to recover a masked ID number by trying its hidden digits against the entry’s hash', async () => {
      const requestId = rid('attack');
      await t.gql(CLERK_CASE, { as: 'demo-clerk', variables: { caseNo: DEMO.clerkCase }, headers: { 'x-request-id': requestId } });
      const row = (await entriesOf(requestId)).find((e) => e.subject_kind === 'PERSON' && e.subject_id !== null)!;
      const [shown] = (await auditorView({ kind: 'READ', username: 'demo-clerk' }, 'seq subjectIdNumber hash prevHash')).filter(
        (n: any) => n.seq === row.seq,
      );
      const masked: string = shown.subjectIdNumber;
      expect(masked).toBe(`${p.zhangWei.id.slice(0, 4)}**********${p.zhangWei.id.slice(-4)}`);
      // The attacker is given more than an auditor sees: every column of the entry, except its secret.
      const known = { ...entryFromRow(row as AuditEntryRow), subjectIdNumber: masked, salt: null };
      expect(known.hash).toBe(shown.hash);
      // The same entry as it would have been hashed without its secret: the attack must work on that.
      expect(known.format).toBe(4);
      const unsalted = entryHash({ ...entryFromRow(row as AuditEntryRow), salt: null });
      // Hashing is the attacker's whole cost: the entry's stored form is built once, around the guessed digits (an
      // ID number has 18 ASCII characters: the guess takes the place of the masked one, byte for byte).
      const form = storedForm(known);
      const at = form.indexOf(Buffer.from(masked, 'latin1'));
      expect(form.indexOf(Buffer.from(masked, 'latin1'), at + 1)).toBe(-1);
      const days = Array.from({ length: 25_933 }, (_, i) =>
        new Date(Date.UTC(1940, 0, 1) + i * 86_400_000).toISOString().slice(0, 10).replace(/-/g, ''),
      );
      const recovered: string[] = [];
      const recoveredUnsalted: string[] = [];
      let tried = 0;
      for (let region = 0; region < 100; region += 1) {
        // The hub runs in this process: let it (and its idle connections' timers) breathe between blocks of guesses.
        await new Promise((resolve) => setImmediate(resolve));
        for (const day of days) {
          const first17 = `${masked.slice(0, 4)}${String(region).padStart(2, '0')}${day}${masked.slice(14, 17)}`;
          if (residentIdCheckChar(first17) !== masked[17]) continue;
          tried += 1;
          const guess = first17 + masked[17];
          form.write(guess, at, 'latin1');
          const hash = createHash('sha256').update(form).digest('hex');
          if (hash === known.hash) recovered.push(guess);
          if (hash === unsalted) recoveredUnsalted.push(guess);
        }
      }
      expect(tried).toBeGreaterThan(200_000);
      expect(recoveredUnsalted).toEqual([p.zhangWei.id]);
      expect(recovered).toEqual([]);
    }, 60_000);

    it('lists every field asked for, whether or not the record has data there', async () => {
      const query = `query ($caseNo: String!) { executionCase(caseNo: $caseNo) { respondents { kind
        realEstate { certificateNo encumbrances { kind caseNo } } vehicles { plate encumbrances { kind } }
        tax { arrears { amount } legalRepresentative { name idNumber } }
        socialSecurity { employer { name idNumber } }
        credit { dishonest dishonestEntries { court caseNo } consumptionRestrictions { court } } } } }`;
      const read = async (caseNo: string) => {
        const requestId = rid('fields');
        const res = await t.gql(query, { as: 'demo-clerk', variables: { caseNo }, headers: { 'x-request-id': requestId } });
        expect(res.body.errors).toBeUndefined();
        return { res, entries: await entriesOf(requestId) };
      };
      const [zhang, li] = [await read(DEMO.clerkCase), await read(DEMO.clerkCase2)];
      const zhangPerson = zhang.res.body.data!.executionCase.respondents.find((r: any) => r.kind === 'PERSON');
      const liPerson = li.res.body.data!.executionCase.respondents[0];
      // The two persons' records differ (one is on the dishonest list, their assets differ) …
      expect(liPerson.credit.dishonestEntries.length).toBeGreaterThan(0);
      expect(zhangPerson.credit.dishonestEntries).toEqual([]);
      // … but their entries list the same fields with the same outcomes.
      const fieldsOf = (entries: any[]) => entries.find((e) => e.subject_kind === 'PERSON' && e.subject_id !== null).fields;
      expect(fieldsOf(zhang.entries)).toEqual(fieldsOf(li.entries));
      expect(fieldsOf(li.entries)).toEqual(
        expect.arrayContaining([
          { path: 'tax.legalRepresentative.idNumber', outcome: 'ALLOW' },
          { path: 'realEstate.encumbrances.caseNo', outcome: 'ALLOW' },
        ]),
      );
    });

    it('puts the read of a registered legal representative on that person’s access history, as the tax one', async () => {
      const requestId = rid('registration');
      const res = await t.gql(
        `query ($caseNo: String!) { bankruptcyCase(caseNo: $caseNo) { debtor { marketRegistration { registeredAddress legalRepresentative { name idNumber } } } } }`,
        { as: 'demo-administrator', variables: { caseNo: DEMO.bankruptcyCase }, headers: { 'x-request-id': requestId } },
      );
      expect(res.body.data!.bankruptcyCase.debtor.marketRegistration.legalRepresentative.name).toBe('陈静');
      const entries = await entriesOf(requestId);
      const linked = entries.filter((e) => e.subject_id_number === p.chenJing.id);
      expect(linked).toEqual([
        expect.objectContaining({ kind: 'READ', subject_kind: 'PERSON', case_no: DEMO.bankruptcyCase, username: 'demo-administrator' }),
      ]);
      expect(linked[0].fields).toEqual(expect.arrayContaining([{ path: 'marketRegistration.legalRepresentative.idNumber', outcome: 'MASK' }]));
      const debtor = entries.find((e) => e.subject_id_number === p.hongda.id)!;
      expect(debtor.fields).toEqual(expect.arrayContaining([{ path: 'marketRegistration.registeredAddress', outcome: 'ALLOW' }]));
    });

    it('puts the read of an enterprise’s legal representative and employees on their own access history', async () => {
      const requestId = rid('linked');
      const res = await t.gql(
        `query ($caseNo: String!) { bankruptcyCase(caseNo: $caseNo) { debtor { name tax { legalRepresentative { name idNumber phone } } socialSecurity { employees { name idNumber } } } } }`,
        { as: 'demo-administrator', variables: { caseNo: DEMO.bankruptcyCase }, headers: { 'x-request-id': requestId } },
      );
      expect(res.body.data!.bankruptcyCase.debtor.tax.legalRepresentative.idNumber).toMatch(/\*/);
      const linked = (await entriesOf(requestId)).filter((e) => e.subject_id_number === p.chenJing.id);
      expect(linked).toEqual([
        expect.objectContaining({
          kind: 'READ',
          subject_kind: 'PERSON',
          case_no: DEMO.bankruptcyCase,
          username: 'demo-administrator',
          outcome: 'PARTIAL',
        }),
      ]);
      expect(linked[0].fields).toEqual(
        expect.arrayContaining([
          { path: 'tax.legalRepresentative.idNumber', outcome: 'MASK' },
          { path: 'tax.legalRepresentative.phone', outcome: 'DENY' },
          { path: 'socialSecurity.employees.idNumber', outcome: 'MASK' },
        ]),
      );
      const history = await t.gql(
        `query ($id: String!) { subjectAccessHistory(subjectId: $id, first: 50) { edges { node { seq username caseNo fields { path outcome } } } } }`,
        {
          as: 'demo-auditor',
          variables: { id: p.chenJing.id },
        },
      );
      expect(history.body.data!.subjectAccessHistory.edges.map((e: any) => e.node.seq)).toContain(linked[0].seq);
    });

    it('records a refusal and an admin intent whatever a client sends: lone surrogates, NUL, over-long text', async () => {
      const refusalId = rid('surrogate-refusal');
      const refused = await t.post(
        '{"query":"query ($u: String) { auditEntries(filter: { username: $u }) { edges { cursor } } }","variables":{"u":"a\\ud800b"}}',
        {
          authorization: `Bearer ${await t.token('demo-clerk')}`,
          'x-request-id': refusalId,
        },
      );
      expect(refused.status).toBe(200);
      expect(codes(refused)).toEqual(['FORBIDDEN']);
      expect((await entriesOf(refusalId)).map((e) => `${e.kind} ${e.outcome}`)).toEqual(['AUDIT DENIED']);

      const intentId = rid('surrogate-intent');
      const long = 'x'.repeat(5000);
      const body = `{"query":"mutation ($n: String!, $c: String!) { createOrganisation(input: { code: $c, name: $n, kind: COURT }) { code } }","variables":{"c":"Q\\udc00\\u0000${long}","n":"\\ud83d\\u0000名"}}`;
      const intent = await t.post(body, { authorization: `Bearer ${await t.token('demo-admin')}`, 'x-request-id': intentId });
      expect(intent.status).toBe(200);
      expect(codes(intent)).toEqual(['BAD_USER_INPUT']);
      expect((await entriesOf(intentId)).map((e) => `${e.kind} ${e.outcome}`)).toEqual(['ADMIN REQUESTED', 'ADMIN FAILED']);
      expect((await t.gql('{ verifyAuditLog { ok message } }', { as: 'demo-auditor' })).body.data!.verifyAuditLog.ok).toBe(true);
    });

    it('records a refused case under its normalised number, whatever spacing or width was sent', async () => {
      const requestId = rid('width');
      const sent = ` （２０２４） 皖 １５２４ 执 １２３ 号 ${'\u3000'.repeat(20)}\t`;
      expect(sent.length).toBeGreaterThan(40);
      const res = await t.gql(CLERK_CASE, { as: 'demo-clerk-2', variables: { caseNo: sent }, headers: { 'x-request-id': requestId } });
      expect(codes(res)).toEqual(['FORBIDDEN']);
      expect(await entriesOf(requestId)).toEqual([expect.objectContaining({ kind: 'REFUSAL', case_no: DEMO.clerkCase })]);
    });

    it('gives every request its own request id, keeping the one a client sends as a correlation id', async () => {
      const given = rid('same');
      await t.gql(CLERK_CASE, { as: 'demo-clerk-2', variables: { caseNo: DEMO.clerkCase }, headers: { 'x-request-id': given } });
      const second = await t.gql(CLERK_CASE, { as: 'demo-clerk-2', variables: { caseNo: DEMO.clerkCase }, headers: { 'x-request-id': given } });
      expect(second.headers.get('x-request-id')).not.toBe(given);
      expect(second.headers.get('x-correlation-id')).toBe(given);
      const entries = await entriesOf(given);
      expect(entries).toHaveLength(2);
      expect(new Set(entries.map((e) => e.request_id)).size).toBe(2);
      expect(entries.map((e) => e.correlation_id)).toEqual([given, given]);
      const seen = await t.gql(
        `query ($filter: AuditEntryFilter) { auditEntries(filter: $filter, first: 100) { edges { node { requestId correlationId } } } }`,
        {
          as: 'demo-auditor',
          variables: { filter: { username: 'demo-clerk-2', kind: 'REFUSAL' } },
        },
      );
      const nodes: Array<{ requestId: string; correlationId: string | null }> = seen.body.data!.auditEntries.edges.map(
        (e: { node: unknown }) => e.node,
      );
      expect(
        nodes
          .filter((n) => n.correlationId === given)
          .map((n) => n.requestId)
          .sort(),
      ).toEqual(entries.map((e) => e.request_id).sort());
    });

    it('records a validly signed token whose claims hold NUL, a lone surrogate or a time that is no time, and answers UNAUTHENTICATED', async () => {
      const { SignJWT } = await import('jose');
      const { signingKey } = await import('../../src/auth/token-keys');
      const { key, kid, alg } = await signingKey(t.config.dataDir);
      const token = await new SignJWT({})
        .setProtectedHeader({ alg, kid })
        .setSubject('demo-clerk\u0000x')
        .setIssuer('fuyuantong')
        .setAudience('fuyuantong')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(key);
      const requestId = rid('nul-claim');
      const res = await t.gql('{ me { username } }', { auth: `Bearer ${token}`, headers: { 'x-request-id': requestId } });
      expect(res.status).toBe(401);
      expect(codes(res)).toEqual(['UNAUTHENTICATED']);
      expect(await entriesOf(requestId)).toEqual([expect.objectContaining({ kind: 'AUTH_FAILURE', username: 'demo-clerkx', outcome: 'DENIED' })]);

      // A time claim that is no time, and text with a lone surrogate elsewhere in the claims.
      const badTime = await new SignJWT({ exp: 'tomorrow', note: 'x\ud800' } as never)
        .setProtectedHeader({ alg, kid })
        .setSubject('demo-clerk')
        .setIssuer('fuyuantong')
        .setAudience('fuyuantong')
        .setIssuedAt()
        .sign(key);
      const timeId = rid('bad-time-claim');
      const refused = await t.gql('{ me { username } }', { auth: `Bearer ${badTime}`, headers: { 'x-request-id': timeId } });
      expect(refused.status).toBe(401);
      expect(codes(refused)).toEqual(['UNAUTHENTICATED']);
      expect(await entriesOf(timeId)).toEqual([
        expect.objectContaining({ kind: 'AUTH_FAILURE', username: 'demo-clerk', outcome: 'DENIED', detail: { reason: 'token claim exp invalid' } }),
      ]);
    });
  });

  describe('integrity', () => {
    it('refuses UPDATE, DELETE and TRUNCATE on the log, even to the table owner', async () => {
      await t.hub.audit!.checkpoint();
      const db = await superuser();
      try {
        await expect(db.query(`UPDATE audit_entry SET username = 'someone-else' WHERE seq = 1`)).rejects.toThrow(/append-only/);
        await expect(db.query(`DELETE FROM audit_entry WHERE seq = 1`)).rejects.toThrow(/append-only/);
        await expect(db.query(`TRUNCATE audit_entry`)).rejects.toThrow(/append-only/);
        const [partition] = (
          await db.query(
            `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_entry'::regclass AND c.relname <> 'audit_entry_default' LIMIT 1`,
          )
        ).rows;
        await expect(db.query(`TRUNCATE "${partition.relname}"`)).rejects.toThrow(/append-only/);
        await expect(db.query(`DELETE FROM audit_checkpoint`)).rejects.toThrow(/append-only/);
        await expect(db.query(`DELETE FROM audit_head`)).rejects.toThrow(/append-only/);
      } finally {
        await db.end();
      }
    });

    it('gives the application role INSERT and SELECT on the log and nothing else', async () => {
      const db = await superuser();
      try {
        await db.query('BEGIN');
        await db.query('SET LOCAL ROLE fuyuantong_app');
        await expect(db.query(`SELECT count(*) FROM audit_entry`)).resolves.toBeDefined();
        for (const sql of [
          `UPDATE audit_entry SET username = 'x'`,
          `DELETE FROM audit_entry`,
          `TRUNCATE audit_entry`,
          `DELETE FROM audit_checkpoint`,
          `DELETE FROM audit_entry_default`,
        ]) {
          await db.query('SAVEPOINT s');
          await expect(db.query(sql)).rejects.toThrow(/permission denied/);
          await db.query('ROLLBACK TO SAVEPOINT s');
        }
        await expect(db.query(`SELECT audit_ensure_partitions(1)`)).resolves.toBeDefined();
      } finally {
        await db.query('ROLLBACK');
        await db.end();
      }
    });

    it('signs checkpoints that verify with the exported public key', async () => {
      const res = await t.gql(`mutation { createAuditCheckpoint { seq hash entryAt signedAt keyId signature } }`, { as: 'demo-auditor' });
      const key = await t.gql(`{ auditPublicKey { keyId algorithm publicKeyPem } }`, { as: 'demo-clerk' });
      const c = res.body.data!.createAuditCheckpoint;
      const pub = key.body.data!.auditPublicKey;
      expect(pub).toMatchObject({ algorithm: 'Ed25519', keyId: c.keyId });
      const statement = checkpointStatement({ ...c, entryAt: new Date(c.entryAt), signedAt: new Date(c.signedAt) } as Checkpoint);
      expect(verify(null, Buffer.from(statement), createPublicKey(pub.publicKeyPem), Buffer.from(c.signature, 'base64url'))).toBe(true);
      const [head] = await t.hub.hub.query(`SELECT seq, hash FROM audit_head`);
      expect(BigInt(head.seq)).toBeGreaterThanOrEqual(BigInt(c.seq));
    });

    it('verifies an untouched log as OK', async () => {
      const res = await t.gql(`{ verifyAuditLog { ok firstBadSeq problem entriesChecked checkpointsChecked message } }`, { as: 'demo-auditor' });
      expect(res.body.data!.verifyAuditLog).toMatchObject({ ok: true, firstBadSeq: null, problem: null, checkpointsChecked: 2 });
      const [{ n }] = await t.hub.hub.query(`SELECT count(*)::int AS n FROM audit_entry`);
      // All but the entry recording this verification, appended after it ran.
      expect(res.body.data!.verifyAuditLog.entriesChecked).toBe(n - 1);
    });
  });

  describe('verification of a range of time, in batches, on worker threads', () => {
    it('verifies the entries dated within a range of time, and nothing in a range without entries', async () => {
      const [mid] = await t.hub.hub.query(`SELECT at FROM audit_entry WHERE seq = (SELECT max(seq) / 2 FROM audit_entry)`);
      const from = new Date(mid.at);
      const to = new Date(from.getTime() + 1);
      const [span] = await t.hub.hub.query(
        `SELECT min(seq)::text AS lo, max(seq)::text AS hi, count(*)::int AS n FROM audit_entry WHERE at >= $1 AND at < $2`,
        [from.toISOString(), to.toISOString()],
      );
      const res = await t.gql(
        `query($from: DateTimeISO, $to: DateTimeISO) { verifyAuditLog(from: $from, to: $to) { ok fromSeq toSeq entriesChecked message } }`,
        { as: 'demo-auditor', variables: { from: from.toISOString(), to: to.toISOString() } },
      );
      expect(res.body.data!.verifyAuditLog).toMatchObject({ ok: true, fromSeq: span.lo, toSeq: span.hi, entriesChecked: span.n });
      const before = await t.gql(`{ verifyAuditLog(from: "2001-01-01T00:00:00Z", to: "2002-01-01T00:00:00Z") { ok entriesChecked message } }`, {
        as: 'demo-auditor',
      });
      expect(before.body.data!.verifyAuditLog).toMatchObject({ ok: true, entriesChecked: 0, message: expect.stringMatching(/no entries/) });
      // Up to now from the start: the whole chain as it stood.
      const [head] = await t.hub.hub.query(`SELECT seq::text AS seq FROM audit_head`);
      const upToNow = await verifyAuditChain(t.hub.hub, t.hub.audit!.keys.verifier, { to: new Date(Date.now() + 60_000) });
      expect(upToNow).toMatchObject({ ok: true, fromSeq: '1', toSeq: head.seq, entriesChecked: Number(head.seq) });
    });

    it('gives the same report on one thread in one batch as on worker threads in many small batches', async () => {
      const keys = t.hub.audit!.keys.verifier;
      const whole = await verifyAuditChain(t.hub.hub, keys, { threads: 0, batchSize: 1_000_000 });
      const split = await verifyAuditChain(t.hub.hub, keys, { threads: 2, batchSize: 7 });
      expect(whole.ok).toBe(true);
      expect(split).toEqual(whole);
      expect(split.entriesChecked).toBeGreaterThan(7 * 4);
      // Streamed with COPY and cut into batches as it arrives, as verifyAuditLog reads the chain.
      const master = (t.hub.hub.driver as unknown as { master: import('pg').Pool }).master;
      const streamed = await verifyAuditChain(t.hub.hub, keys, { copy: copyOnPool(master), threads: 2, batchSize: 7 });
      expect(streamed).toEqual(whole);
      // In parts streamed at once, each on a connection of the pool.
      for (const streams of [2, 3, 5]) {
        expect(await verifyAuditChain(t.hub.hub, keys, { copy: copyOnPool(master), threads: 1, batchSize: 7, streams })).toEqual(whole);
      }
    });
  });

  describe('under concurrency, with two hub processes on one database', () => {
    let second: Hub;
    beforeAll(async () => {
      second = await startHub({ ...t.config, port: 0 });
    });
    afterAll(async () => {
      await second?.stop();
    });

    it('keeps one gapless chain, and as many released-data entries as answers that carried subject data', async () => {
      const token = await t.token('demo-clerk');
      const batch = `batch-${randomUUID().slice(0, 8)}`;
      const requests = Array.from({ length: 300 }, (_, i) =>
        fetch(i % 2 === 0 ? t.hub.url : second.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': `${batch}-${i}` },
          body: JSON.stringify({ query: CLERK_CASE, variables: { caseNo: i % 3 === 0 ? DEMO.clerkCase2 : DEMO.clerkCase } }),
        }).then((r) => r.json() as Promise<any>),
      );
      const answers = await Promise.all(requests);
      const subjectsAnswered = answers.reduce((n, a) => n + (a.data?.executionCase?.respondents?.length ?? 0), 0);
      expect(subjectsAnswered).toBeGreaterThan(0);
      const [{ n }] = await t.hub.hub.query(
        `SELECT count(*)::int AS n FROM audit_entry WHERE correlation_id LIKE $1 AND outcome IN ('ALLOWED', 'PARTIAL') AND subject_id IS NOT NULL`,
        [`${batch}-%`],
      );
      expect(n).toBe(subjectsAnswered);
      const [chain] = await t.hub.hub.query(`SELECT count(*)::bigint AS count, max(seq) AS max, count(DISTINCT seq) AS distinct FROM audit_entry`);
      expect(chain.count).toBe(chain.max);
      expect(chain.distinct).toBe(chain.max);
      const report = await second.audit!.verify();
      expect(report).toMatchObject({ ok: true, firstBadSeq: null });
    });

    it('chains onto the head the other process moved, writing nothing onto the head it knew', async () => {
      const [before] = await t.hub.hub.query(`SELECT seq::text AS seq FROM audit_head`);
      const tag = `alternating-${randomUUID().slice(0, 8)}`;
      const written: ChainedEntry[] = [];
      // Each writer appends in turn, so each time the head it last wrote has since been moved by the other.
      for (let i = 0; i < 6; i++) {
        const writer = (i % 2 === 0 ? t.hub : second).audit!.writer;
        written.push(...(await writer.append([draft(tag), draft(tag)])));
      }
      const start = BigInt(before.seq);
      expect(written.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => String(start + BigInt(i) + 1n)));
      written.slice(1).forEach((e, i) => expect(e.prevHash).toBe(written[i].hash));
      for (let i = 1; i < written.length; i++) expect(written[i].at.getTime()).toBeGreaterThanOrEqual(written[i - 1].at.getTime());
      const rows = await t.hub.hub.query(`SELECT seq::text AS seq, hash FROM audit_entry WHERE username = $1 ORDER BY seq`, [tag]);
      expect(rows).toEqual(written.map((e) => ({ seq: e.seq, hash: e.hash })));
      const [head] = await t.hub.hub.query(`SELECT seq::text AS seq, hash FROM audit_head`);
      expect(head).toEqual({ seq: written[11].seq, hash: written[11].hash });
      expect(await t.hub.audit!.verify()).toMatchObject({ ok: true, firstBadSeq: null });
    });

    /** A writer of its own, on a pool that notes the digests of the lists of fields each append sends (its `$2`). */
    const notingWriter = () => {
      // A lock held elsewhere fails an append within a second, as the hub's writer's pool would.
      const pool = new Pool({ connectionString: t.dbUrls.hub, max: 2, lock_timeout: 1000 });
      const sent: string[][] = [];
      // Every connection the pool opens notes what it is sent (the pool's own query goes through a connection too).
      pool.on('connect', (client) => {
        const query = client.query.bind(client) as (...args: unknown[]) => unknown;
        (client as unknown as { query: unknown }).query = (...args: unknown[]) => {
          const c = args[0] as { name?: string; values?: unknown[] };
          if (c?.name === 'audit-append') sent.push((JSON.parse(c.values![1] as string) as Array<{ digest: string }>).map((l) => l.digest));
          return query(...args);
        };
      });
      return { writer: new AuditWriter(pool), sent, end: () => pool.end() };
    };
    const digestOf = (fields: AuditDraft['fields']) => listDigests(chain([draft('x', fields)], { seq: 0n, hash: '0'.repeat(64) }, new Date()))[0];

    it('sends each list of fields once while it extends the head it wrote, and every list again once another process moved it', async () => {
      const { writer, sent, end } = notingWriter();
      try {
        const tag = `lists-${randomUUID().slice(0, 8)}`;
        const list = (name: string) => [
          { path: `${tag}.${name}.name`, outcome: 'ALLOW' as const },
          { path: `${tag}.${name}.phone`, outcome: 'DENY' as const },
        ];
        const [a, b] = [list('a'), list('b')];

        await writer.append([draft(tag, a)]); // the head not yet known: locked, every list sent
        await writer.append([draft(tag, a), draft(tag, a)]); // extends its own head: list a is stored
        await writer.append([draft(tag, a), draft(tag, b)]); // only b is new
        await writer.append([draft(tag, b)]);
        expect(sent).toEqual([[digestOf(a)], [], [digestOf(b)], []]);

        // Another process moves the head: the append onto the head it knew fails, and the locked one sends every list.
        await t.hub.audit!.writer.append([draft(tag)]);
        sent.length = 0;
        await writer.append([draft(tag, a), draft(tag, b)]);
        expect(sent).toEqual([[], [digestOf(a), digestOf(b)]]);

        const rows = (await t.hub.hub.query(`${ENTRY_SELECT} WHERE e.username = $1 ORDER BY e.seq`, [tag])) as AuditEntryRow[];
        expect(rows.map(entryFromRow).map((e) => e.fields.map((f) => f.path.split('.')[1]).join(''))).toEqual([
          'aa',
          'aa',
          'aa',
          'aa',
          'bb',
          'bb',
          '',
          'aa',
          'bb',
        ]);
        expect(await t.hub.audit!.verify()).toMatchObject({ ok: true, firstBadSeq: null });
      } finally {
        await end();
      }
    });

    it('sends every list again after an append of its own failed', async () => {
      const { writer, sent, end } = notingWriter();
      const blocker = new Client({ connectionString: t.dbUrls.hub });
      await blocker.connect();
      try {
        const tag = `failed-${randomUUID().slice(0, 8)}`;
        const a = [{ path: `${tag}.a`, outcome: 'ALLOW' as const }];
        const b = [{ path: `${tag}.b`, outcome: 'ALLOW' as const }];
        await writer.append([draft(tag, a)]); // the head not yet known: locked, list a sent
        await writer.append([draft(tag, a)]); // extends its own head: list a stored, not sent
        expect(sent).toEqual([[digestOf(a)], []]);

        // The head's row is locked elsewhere: the append onto the head the writer knew fails, and nothing is written.
        await blocker.query(`BEGIN; SELECT 1 FROM audit_head WHERE id = 1 FOR UPDATE`);
        await expect(writer.append([draft(tag, b)])).rejects.toThrow(/lock timeout/);
        await blocker.query('ROLLBACK');

        // After its own failure the writer knows neither the head nor what is stored: it locks and sends every list.
        sent.length = 0;
        await writer.append([draft(tag, a), draft(tag, b)]);
        expect(sent).toEqual([[digestOf(a), digestOf(b)]]);
        const rows = (await t.hub.hub.query(`${ENTRY_SELECT} WHERE e.username = $1 ORDER BY e.seq`, [tag])) as AuditEntryRow[];
        expect(rows.map(entryFromRow).map((e) => e.fields.map((f) => f.path.split('.')[1]).join(''))).toEqual(['a', 'a', 'a', 'b']);
        expect(await t.hub.audit!.verify()).toMatchObject({ ok: true, firstBadSeq: null });
      } finally {
        await blocker.end();
        await end();
      }
    });

    it('remembers at most 1,000 distinct lists of fields, however often each is named', async () => {
      const { writer, sent, end } = notingWriter();
      try {
        const tag = `bound-${randomUUID().slice(0, 8)}`;
        const list = (k: number) => [{ path: `${tag}.field${k}`, outcome: 'ALLOW' as const }];
        await writer.append([draft(tag, list(0))]); // the head not yet known: sent
        // One list named 1,200 times counts once: list 0 is still remembered.
        await writer.append(Array.from({ length: 1200 }, () => draft(tag, list(1))));
        sent.length = 0;
        await writer.append([draft(tag, list(0))]);
        expect(sent).toEqual([[]]);
        // A thousand lists more: the writer starts over on reaching the bound, so list 0 is sent again, the last not.
        await writer.append(Array.from({ length: 1000 }, (_, k) => draft(tag, list(k + 2))));
        sent.length = 0;
        await writer.append([draft(tag, list(0)), draft(tag, list(1001))]);
        expect(sent).toEqual([[digestOf(list(0))]]);
        expect(await t.hub.audit!.verify()).toMatchObject({ ok: true, firstBadSeq: null });
      } finally {
        await end();
      }
    });
  });

  describe('from the command line', () => {
    const cli = (script: string, args: string[]) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          [`dist/src/cli/${script}.js`, ...args],
          { env: { ...process.env, NODE_ENV: 'test', DATA_DIR: t.config.dataDir, HUB_DATABASE_URL: t.dbUrls.hub } },
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
        );
      });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuyuantong-audit-cli-'));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('verifies the log with the hub’s key, and with nothing but the exported public key', async () => {
      expect(await cli('audit-verify', [])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^OK: \d+ entries/) });
      const key = await cli('audit-public-key', []);
      expect(key.stdout).toMatch(/BEGIN PUBLIC KEY/);
      fs.writeFileSync(path.join(dir, 'audit.pem'), key.stdout);
      expect(await cli('audit-verify', ['--public-key', path.join(dir, 'audit.pem'), '--from', '2'])).toMatchObject({ code: 0 });
      expect(await cli('audit-verify', ['--from', 'one'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--from must be/) });
      const year = new Date().getUTCFullYear();
      expect(await cli('audit-verify', ['--since', `${year}-01-01`, '--until', `${year + 1}-01-01`, '--threads', '2'])).toMatchObject({
        code: 0,
        stdout: expect.stringMatching(/^OK: \d+ entries/),
      });
      expect(await cli('audit-verify', ['--since', '2001-01-01', '--until', '2002-01-01'])).toMatchObject({
        code: 0,
        stdout: expect.stringMatching(/^OK: no entries/),
      });
      expect(await cli('audit-verify', ['--since', '2025-02-01', '--until', '2025-01-01'])).toMatchObject({ code: 2 });
    });

    it('exports entries as JSON Lines that recompute to the chain, and as CSV', async () => {
      const jsonl = path.join(dir, 'audit.jsonl');
      const from = new Date(Date.now() - 3_600_000).toISOString();
      expect(await cli('audit-export', ['--from', from, '--format', 'jsonl', '--out', jsonl])).toMatchObject({ code: 0 });
      const lines = fs
        .readFileSync(jsonl, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      const [{ n }] = await t.hub.hub.query(`SELECT count(*)::int AS n FROM audit_entry WHERE at >= $1`, [from]);
      expect(lines).toHaveLength(n);
      expect(lines.filter((e) => entryHash({ ...e, at: new Date(e.at) }) !== e.hash)).toEqual([]);
      expect(lines.slice(1).filter((e, i) => e.prevHash !== lines[i].hash)).toEqual([]);
      const csv = path.join(dir, 'audit.csv');
      expect(await cli('audit-export', ['--format', 'csv', '--out', csv])).toMatchObject({ code: 0 });
      const rows = fs.readFileSync(csv, 'utf8').trim().split('\r\n');
      expect(rows[0]).toMatch(/^seq,at,request_id,kind,username/);
      expect(await cli('audit-export', ['--format', 'xml', '--out', csv])).toMatchObject({ code: 2 });
    });
  });

  describe('tampering, each in a transaction that is rolled back afterwards', () => {
    let db: Client;
    let middle: string;
    // The verifier reads through the tampering transaction, before it is rolled back.
    const inside = { query: (sql: string, params?: unknown[]) => db.query(sql, params).then((r) => r.rows) };
    // Read both ways, in batches and streamed with COPY on the same connection, which must agree.
    const both = async (options: Parameters<typeof verifyAuditChain>[2] = {}) => {
      const batches = await verifyAuditChain(inside, t.hub.audit!.keys.verifier, options);
      const streamed = await verifyAuditChain(inside, t.hub.audit!.keys.verifier, { ...options, copy: copyOnClient(db) });
      expect(streamed).toEqual(batches);
      // And in three parts joined where they meet (on one connection the parts' COPYs run one after the other).
      const parts = await verifyAuditChain(inside, t.hub.audit!.keys.verifier, { ...options, copy: copyOnClient(db), streams: 3 });
      expect(parts).toEqual(batches);
      return streamed;
    };
    const verifyInside = () => both();

    beforeAll(async () => {
      await t.hub.audit!.checkpoint();
      // Entries after the checkpoint, so that a rewrite of the whole tail covers both.
      await t.gql(CLERK_CASE, { as: 'demo-clerk', variables: { caseNo: DEMO.clerkCase } });
      const [{ max }] = await t.hub.hub.query(`SELECT max(seq) AS max FROM audit_entry`);
      middle = String(BigInt(max) / 2n);
      db = await superuser();
    });
    beforeEach(async () => {
      await db.query('BEGIN');
    });
    afterEach(async () => {
      await db.query('ROLLBACK');
    });
    afterAll(async () => {
      await db.end();
    });

    it('pinpoints an entry edited with the trigger disabled', async () => {
      await db.query(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`);
      await db.query(`UPDATE audit_entry SET username = 'someone-else' WHERE seq = $1`, [middle]);
      await db.query(`ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only`);
      expect(await verifyInside()).toMatchObject({ ok: false, firstBadSeq: middle, problem: 'HASH_MISMATCH' });
    });

    it('pinpoints an edit and a deletion alike in small batches hashed on several threads', async () => {
      const small = () => both({ threads: 2, batchSize: 3 });
      await db.query(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`);
      const later = String(BigInt(middle) + 4n);
      await db.query(`UPDATE audit_entry SET detail = '{"changed":true}' WHERE seq = $1`, [later]);
      expect(await small()).toMatchObject({ ok: false, firstBadSeq: later, problem: 'HASH_MISMATCH' });
      await db.query(`DELETE FROM audit_entry WHERE seq = $1`, [middle]);
      expect(await small()).toMatchObject({ ok: false, firstBadSeq: middle, problem: 'GAP' });
    });

    it('finds what is wrong where the parts of a streamed verification meet, as a walk in one piece does', async () => {
      const batchSize = 4;
      const [{ end }] = (await db.query(`SELECT greatest((SELECT seq FROM audit_head), (SELECT max(seq) FROM audit_entry)) AS end`)).rows;
      // `both` also verifies in three parts: where the second begins, and the entry before it.
      const parts = splitRange(1n, BigInt(end), 3, batchSize);
      expect(parts).toHaveLength(3);
      const [, [second]] = parts;
      const seam = String(second);
      const before = String(second - 1n);
      const inParts = () => both({ batchSize, threads: 2 });
      expect(await inParts()).toMatchObject({ ok: true });
      await db.query(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`);
      // The entry before the seam rewritten with its hash made again: it verifies, and the next no longer links to it.
      const { entryFromRow, entryHash } = await import('../../src/audit/audit-entry-hash');
      const [row] = (await db.query(`${ENTRY_SELECT} WHERE seq = $1`, [before])).rows;
      const rewritten = { ...entryFromRow(row), username: 'someone-else' };
      await db.query(`UPDATE audit_entry SET username = $1, hash = $2 WHERE seq = $3`, [rewritten.username, entryHash(rewritten), before]);
      expect(await inParts()).toMatchObject({ ok: false, firstBadSeq: seam, problem: 'CHAIN_BROKEN', entriesChecked: Number(seam) - 1 });
      // The entry before the seam deleted (the part before ends early), then the one at the seam too.
      await db.query(`DELETE FROM audit_entry WHERE seq = $1`, [before]);
      expect(await inParts()).toMatchObject({ ok: false, firstBadSeq: before, problem: 'GAP', message: `entries ${before} are missing` });
      await db.query(`DELETE FROM audit_entry WHERE seq = $1`, [seam]);
      expect(await inParts()).toMatchObject({ ok: false, firstBadSeq: before, problem: 'GAP', message: `entries ${before}–${seam} are missing` });
    });

    it('pinpoints a deleted entry', async () => {
      await db.query(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`);
      await db.query(`DELETE FROM audit_entry WHERE seq = $1`, [middle]);
      expect(await verifyInside()).toMatchObject({ ok: false, firstBadSeq: middle, problem: 'GAP' });
    });

    it('detects a consistent rewrite of the tail by the signed checkpoint', async () => {
      const { entryFromRow, entryHash } = await import('../../src/audit/audit-entry-hash');
      const [checkpoint] = (await db.query(`SELECT min(seq) AS seq FROM audit_checkpoint WHERE seq >= $1`, [middle])).rows;
      await db.query(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`);
      const rows = (await db.query(`${ENTRY_SELECT} WHERE seq >= $1 ORDER BY seq`, [middle])).rows;
      let prevHash = rows[0].prev_hash;
      for (const row of rows) {
        const entry = { ...entryFromRow(row), prevHash };
        if (entry.seq === middle) entry.username = 'someone-else';
        const hash = entryHash(entry);
        await db.query(`UPDATE audit_entry SET username = $1, prev_hash = $2, hash = $3 WHERE seq = $4`, [entry.username, prevHash, hash, entry.seq]);
        prevHash = hash;
      }
      await db.query(`UPDATE audit_head SET hash = $1`, [prevHash]);
      const report = await verifyInside();
      expect(report).toMatchObject({ ok: false, firstBadSeq: String(checkpoint.seq), problem: 'CHECKPOINT_MISMATCH' });
      expect(BigInt(report.firstBadSeq!)).toBeGreaterThanOrEqual(BigInt(middle));
    });

    it('detects deleted checkpoints from their copies kept outside the database', async () => {
      const { readCheckpointFile, CHECKPOINT_FILE } = await import('../../src/audit/audit-checkpoints');
      const external = readCheckpointFile(path.join(t.config.dataDir, CHECKPOINT_FILE));
      expect(external.length).toBeGreaterThan(0);
      await db.query(`ALTER TABLE audit_checkpoint DISABLE TRIGGER audit_checkpoint_append_only`);
      await db.query(`DELETE FROM audit_checkpoint`);
      const report = await both({ externalCheckpoints: external });
      expect(report).toMatchObject({ ok: false, problem: 'CHECKPOINT_MISSING', firstBadSeq: external[0].seq });
      // A problem found before the walk does not stop it short: an earlier edit, many small batches in, still comes first.
      expect(BigInt(external[0].seq)).toBeGreaterThan(40n);
      await db.query(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`);
      await db.query(`UPDATE audit_entry SET username = 'someone-else' WHERE seq = 40`);
      const small = await both({ externalCheckpoints: external, batchSize: 3, threads: 2 });
      expect(small).toMatchObject({ ok: false, problem: 'HASH_MISMATCH', firstBadSeq: '40' });
    });

    it('pinpoints an entry inserted under a seq already taken', async () => {
      const [row] = (await db.query(`${ENTRY_SELECT} WHERE seq = $1`, [middle])).rows;
      const entry = entryFromRow(row);
      await insertEntries(inside, [{ ...entry, at: new Date(entry.at.getTime() + 1), username: 'someone-else' }]);
      const report = await verifyInside();
      expect(report).toMatchObject({ ok: false, firstBadSeq: middle });
      expect(['DUPLICATE', 'HASH_MISMATCH']).toContain(report.problem);
    });

    it.each([
      ['its stored form with its list of fields by digest (format 4, every entry written now)', 4],
      ['its stored form with its list of fields in the entry (format 3)', 3],
      ['the canonical JSON PostgreSQL renders (format 2, entries written before the stored form)', 2],
    ])('hashes %s as JavaScript does, for any text, and finds a change in any column', async (_form, format) => {
      // Every code point PostgreSQL's JSON escapes differently from writing it as is, in json and in jsonb: the
      // controls, the quote and the backslash, exactly as JSON.stringify escapes them.
      const { rows: escaped } = await db.query(`SELECT cp, to_json(chr(cp))::text AS json, to_jsonb(chr(cp))::text AS jsonb
        FROM generate_series(1, 1114111) cp WHERE cp NOT BETWEEN 55296 AND 57343
          AND (to_json(chr(cp))::text <> '"' || chr(cp) || '"' OR to_jsonb(chr(cp))::text <> to_json(chr(cp))::text) ORDER BY cp`);
      expect(escaped.map((r) => r.cp)).toEqual([...Array.from({ length: 31 }, (_, i) => i + 1), 34, 92]);
      for (const r of escaped) expect([r.json, r.jsonb]).toEqual([JSON.stringify(String.fromCodePoint(r.cp)), r.json]);

      const [head] = (await db.query(`SELECT h.seq, h.hash, e.at FROM audit_head h JOIN audit_entry e ON e.seq = h.seq`)).rows;
      const odd = 'o\'neil "q" \\ \n\t\u0001\u001f\u007f 地址 😀 \u2028 \uffff 𝒳';
      const base: AuditDraft = {
        requestId: randomUUID(),
        correlationId: odd,
        kind: 'READ',
        username: [...odd].slice(0, 28).join(''), // whole code points: the writer replaces a lone surrogate
        organisationCode: '皖1524',
        role: 'CLERK',
        caseKind: 'EXECUTION',
        caseNo: '(2024)皖1524执😀号',
        subjectId: randomUUID(),
        subjectKind: 'PERSON',
        subjectIdNumber: null,
        fields: [
          { path: odd, outcome: 'ALLOW' },
          { path: 'phone', outcome: 'MASK' },
        ],
        sources: [{ source: 'vehicle', state: 'OK' }],
        outcome: 'PARTIAL',
        clientAddress: null,
        operationName: odd,
        detail: null,
      };
      const drafts: AuditDraft[] = [
        base,
        { ...base, detail: { z: [1, 2.5, -0, 1e21, 1.0, 0.1, null, true], ä: { '𝒳': odd, '\uffff': 'y', a: [] }, A: {} } },
        { ...base, detail: { big: 'x'.repeat(200_000), list: Array.from({ length: 2_000 }, (_, i) => ({ i, s: odd })) } },
        { ...base, fields: [{ path: 'id', outcome: 'ALLOW', note: 1 }] as never, sources: [] },
        { ...base, fields: [], sources: [{ source: 'tax', state: 'TIMEOUT', ms: 5 }] as never },
      ];
      // Just after the head's entry (the hub's clock may run ahead of this one): time never runs backwards.
      const chained = chain(drafts, { seq: BigInt(head.seq), hash: head.hash }, new Date(head.at.getTime() + 1));
      const added = format === 2 ? asFormat2(chained) : format === 3 ? asFormat3(chained) : chained;
      await insertEntries(inside, added);
      if (format === 2) {
        // As the migration to json left them: jsonb's rendering of each value, which this format's hash does not depend on.
        await db.query(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`);
        await db.query(
          `UPDATE audit_entry SET fields = fields::jsonb::json, sources = sources::jsonb::json, detail = detail::jsonb::json
          WHERE seq > $1`,
          [head.seq],
        );
        await db.query(`ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only`);
      }
      const last = added[added.length - 1];
      await inside.query('UPDATE audit_head SET seq = $1, hash = $2, at = $3 WHERE id = 1', [last.seq, last.hash, last.at.toISOString()]);
      expect(await verifyInside()).toEqual(expect.objectContaining({ ok: true }));
      expect(await both({ threads: 2, batchSize: 2 })).toEqual(expect.objectContaining({ ok: true }));

      // Each column of each added entry, changed alone, is found.
      await db.query(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`);
      const changes = [
        `username = username || 'x'`,
        `correlation_id = 'other'`,
        `case_no = NULL`,
        `detail = jsonb_set(coalesce(detail::jsonb, '{}'), '{z}', '7')::json`,
        // Format 4 holds no list: one put in, or its digest changed, is found.
        format === 4 ? `fields = '[]'` : `fields = (fields::jsonb || '[{"path": "x", "outcome": "ALLOW"}]')::json`,
        `sources = (sources::jsonb || '[{"source": "x", "state": "OK"}]')::json`,
        `at = at + interval '1 millisecond'`,
        `salt = repeat('0', 64)`,
        `subject_id = gen_random_uuid()`,
        ...(format === 2
          ? [`format = 3`]
          : [
              // The same values written another way: the stored form is the bytes as stored.
              format === 4 ? `fields_digest = upper(fields_digest)` : `fields = (' ' || fields::text)::json`,
              `detail = CASE WHEN detail IS NULL THEN 'null'::json ELSE detail::jsonb::json END`,
              format === 4 ? `format = 3` : `format = 2`,
            ]),
      ];
      for (const [i, e] of added.entries()) {
        for (const change of changes) {
          await db.query('SAVEPOINT change');
          await db.query(`UPDATE audit_entry SET ${change} WHERE seq = $1`, [e.seq]);
          const report = await verifyAuditChain(inside, t.hub.audit!.keys.verifier, {
            copy: copyOnClient(db),
            fromSeq: BigInt(added[0].seq),
            threads: 0,
          });
          expect([i, change, report.problem, report.firstBadSeq]).toEqual([i, change, 'HASH_MISMATCH', e.seq]);
          await db.query('ROLLBACK TO SAVEPOINT change');
        }
      }
      if (format !== 4) return;

      // Each list of fields, changed (even only in its spacing) or deleted, is found at the first entry naming it.
      await db.query(`ALTER TABLE audit_field_list DISABLE TRIGGER audit_field_list_append_only`);
      const digests = added.map((e) => fieldsDigest(e.rendered!));
      expect(new Set(digests).size).toBe(3);
      for (const digest of new Set(digests)) {
        const first = added[digests.indexOf(digest)].seq;
        for (const change of [
          `UPDATE audit_field_list SET fields = (' ' || fields::text)::json WHERE digest = $1`,
          `UPDATE audit_field_list SET fields = (fields::jsonb || '[{"path": "x", "outcome": "ALLOW"}]')::json WHERE digest = $1`,
          `DELETE FROM audit_field_list WHERE digest = $1`,
        ]) {
          await db.query('SAVEPOINT change');
          expect((await db.query(change, [digest])).rowCount).toBe(1);
          const report = await verifyAuditChain(inside, t.hub.audit!.keys.verifier, {
            copy: copyOnClient(db),
            fromSeq: BigInt(added[0].seq),
            threads: 0,
          });
          expect([change, report.problem, report.firstBadSeq]).toEqual([change, 'HASH_MISMATCH', first]);
          expect(report.message).toMatch(change.startsWith('DELETE') ? /is missing/ : /was changed/);
          await db.query('ROLLBACK TO SAVEPOINT change');
        }
      }
    });

    it('pinpoints a truncated tail that a checkpoint had signed', async () => {
      const [checkpoint] = (await db.query(`SELECT max(seq) AS seq FROM audit_checkpoint`)).rows;
      await db.query(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`);
      await db.query(`DELETE FROM audit_entry WHERE seq >= $1`, [middle]);
      const [kept] = (await db.query(`SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1`)).rows;
      await db.query(`UPDATE audit_head SET seq = $1, hash = $2`, [kept.seq, kept.hash]);
      expect(await verifyInside()).toMatchObject({ ok: false, firstBadSeq: middle, problem: 'TRUNCATED' });
      expect(BigInt(checkpoint.seq)).toBeGreaterThanOrEqual(BigInt(middle));
    });
  });

  describe('a streamed verification that stops at a finding', () => {
    it('leaves the connection it read the chain on answering, however much of the stream was left', async () => {
      // Entries enough (about 2 MB as the COPY sends them) that the stream cannot have arrived whole when the verifier
      // stops reading at a finding near their start; the COPY is on a connection that cannot be given up.
      const tag = `streamed-${randomUUID().slice(0, 8)}`;
      const fields = Array.from({ length: 40 }, (_, k) => ({ path: `${tag}.field${k}`, outcome: 'ALLOW' as const }));
      for (let i = 0; i < 30; i += 1) await t.hub.audit!.writer.append(Array.from({ length: 100 }, () => draft(tag, fields)));
      const [first] = await t.hub.hub.query(`SELECT min(seq)::text AS seq FROM audit_entry WHERE username = $1`, [tag]);
      const db = await superuser();
      const answer = <T>(work: Promise<T>) =>
        Promise.race([work, new Promise<string>((resolve) => setTimeout(() => resolve('no answer within 20 s'), 20_000).unref())]);
      let stuck = false;
      try {
        await db.query('BEGIN');
        await db.query(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`);
        const inside = { query: (sql: string, params?: unknown[]) => db.query(sql, params).then((r) => r.rows) };
        // The changed entry at each place in a batch of seven: where it ends one, the verifier asks for the next batch
        // only to find it beyond the finding, and stops reading there.
        for (let k = 7; k < 14; k += 1) {
          const changed = String(BigInt(first.seq) + BigInt(k));
          await db.query(`UPDATE audit_entry SET detail = '{"changed":true}' WHERE seq = $1`, [changed]);
          const report = await answer(
            verifyAuditChain(inside, t.hub.audit!.keys.verifier, { fromSeq: BigInt(first.seq), copy: copyOnClient(db), threads: 2, batchSize: 7 }),
          );
          stuck = typeof report === 'string';
          expect(report).toMatchObject({ ok: false, firstBadSeq: changed, problem: 'HASH_MISMATCH' });
          const next = await answer(db.query(`SELECT 1 AS one`).then((r) => r.rows[0].one as number));
          stuck = typeof next === 'string';
          expect(next).toBe(1);
          await db.query(`UPDATE audit_entry SET detail = NULL WHERE seq = $1`, [changed]);
        }
      } finally {
        // A connection still in the COPY would never answer ROLLBACK: closing it ends the transaction as well.
        if (stuck) (db as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
        else await db.query('ROLLBACK').then(() => db.end());
      }
    });
  });
});
