import { ManualClock } from '../../src/control/clock';
import { deliver, processRequest, sweep } from '../../src/control/control-worker';
import { DEMO, demoIdentities } from '../../src/seed/demo-data';
import { codes, startTestHub, type TestHub } from '../support/test-hub';
import { waitFor } from '../support/wait-for';

const people = demoIdentities();
const SHOP = '341524003002GB00107F00020001'; // 张伟's shop, no encumbrance
const FLAT_OF_WANG = '341522001004GB00218F00030301'; // another court's respondent
const TRUCK = people.vins[2]; // 金寨县华兴建材有限公司's truck, reference value 215,000
const FACTORY = '341524101001GB00003F00000000'; // 华兴建材's factory, reference value 4,716,000

const ORDER = 'id state kind rank registrationNo registeredFrom registeredUntil rejectionReason deliveredAt history { actor action state }';
const DRAFT = `mutation ($input: DraftControlOrderInput!) { draftControlOrder(input: $input) { ${ORDER} } }`;

function seizure(source: 'PROPERTY' | 'VEHICLE', assetKey: string, subjectIdNumber: string, periodDays = 365, caseNo: string = DEMO.clerkCase) {
  return {
    caseNo,
    kind: 'SEIZE',
    subjectIdNumber,
    source,
    assetKey,
    periodDays,
    rulingNo: `${caseNo}之一`,
    rulingDate: '2026-11-20',
    noticeNo: `${caseNo.replace(/号$/, '')}协字1号`,
    noticeDate: '2026-11-20',
  };
}

/** The drafting clerk and the approver of each demo court. */
const COURT_OF: Record<string, { clerk: string; approver: string }> = {
  [DEMO.clerkCase]: { clerk: 'demo-clerk', approver: 'demo-approver' },
  [DEMO.otherCourtCase2]: { clerk: 'demo-clerk-2', approver: 'demo-approver-2' },
};

describe('control orders: draft, approval, delivery, receipt', () => {
  let t: TestHub;
  const clock = new ManualClock(new Date('2026-12-01T02:00:00Z'));

  beforeAll(async () => {
    t = await startTestHub({ ASSISTANCE_RETRY_MS: '100', ASSISTANCE_MANUAL_SOURCES: 'vehicle' }, { clock });
  }, 60000);
  afterAll(async () => t?.stop());

  const courts = new Map<string, { clerk: string; approver: string }>();
  const order = async (id: string) =>
    (await t.gql(`query ($id: ID!) { controlOrder(id: $id) { ${ORDER} } }`, { as: courts.get(id)?.clerk ?? 'demo-clerk', variables: { id } })).body
      .data?.controlOrder;
  const draft = async (input: { caseNo: string } & Record<string, unknown>) => {
    const court = COURT_OF[input.caseNo];
    const drafted = await t.gql(DRAFT, { as: court.clerk, variables: { input } });
    expect(drafted.body.errors).toBeUndefined();
    const id = drafted.body.data!.draftControlOrder.id as string;
    courts.set(id, court);
    return id;
  };
  const submit = (id: string) =>
    t.gql(`mutation ($id: ID!) { submitControlOrder(id: $id) { state } }`, { as: courts.get(id)!.clerk, variables: { id } });
  /** Drafts and submits; the order then waits for its court's approver. */
  const draftAndApprove = async (input: { caseNo: string } & Record<string, unknown>) => {
    const id = await draft(input);
    const submitted = await submit(id);
    expect(submitted.body.errors).toBeUndefined();
    expect(submitted.body.data?.submitControlOrder.state).toBe('PENDING_APPROVAL');
    return id;
  };
  const approve = (id: string) =>
    t.gql(`mutation ($id: ID!) { approveControlOrder(id: $id) { state } }`, { as: courts.get(id)?.approver ?? 'demo-approver', variables: { id } });
  const reject = (id: string) =>
    t.gql(`mutation ($id: ID!) { rejectControlOrder(id: $id, reason: "不再需要") { state } }`, { as: courts.get(id)!.approver, variables: { id } });

  let flatOrder = '';

  it('seizes a flat through approval, delivery and the reference processor: ACTIVE at rank 1, registered in the source', async () => {
    const id = await draftAndApprove(seizure('PROPERTY', SHOP, people.zhangWei.id, 1000));
    flatOrder = id;
    const queue = await t.gql('{ approvalQueue(first: 10) { totalCount edges { node { id state } } } }', { as: 'demo-approver' });
    expect(queue.body.data?.approvalQueue.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(id);
    expect((await approve(id)).body.data?.approveControlOrder.state).toBe('SENT');
    const done = await waitFor(
      () => order(id),
      (o) => o?.state !== 'SENT',
    );
    expect(done).toMatchObject({
      state: 'ACTIVE',
      rank: 1,
      registeredFrom: '2026-12-01',
      registeredUntil: '2029-08-26',
      deliveredAt: expect.any(String),
    });
    expect(done.registrationNo).toMatch(/^不动产查封登记20261201-/);
    expect(done.history.map((h: { action: string }) => h.action)).toEqual([
      'DRAFTED',
      'SUBMITTED',
      'APPROVED',
      'QUEUED_FOR_DELIVERY',
      'DELIVERED',
      'RECEIPT',
    ]);
    const inquiry = await t.gql(
      `{ executionCase(caseNo: "${DEMO.clerkCase}") { respondents { realEstate { encumbrances { kind caseNo expiresOn } } } controlOrders { id state } } }`,
      { as: 'demo-clerk' },
    );
    const encumbrances = inquiry.body.data!.executionCase.respondents.flatMap((r: any) => (r.realEstate ?? []).flatMap((u: any) => u.encumbrances));
    expect(encumbrances).toContainEqual({ kind: 'SEIZURE', caseNo: DEMO.clerkCase, expiresOn: '2029-08-26' });
    expect(inquiry.body.data!.executionCase.controlOrders).toContainEqual({ id, state: 'ACTIVE' });
    const notes = await t.gql('{ notifications(first: 10, unreadOnly: true) { edges { node { id kind orderId } } } }', { as: 'demo-clerk' });
    expect(notes.body.data?.notifications.edges.map((e: any) => e.node)).toContainEqual(expect.objectContaining({ kind: 'RECEIPT', orderId: id }));
    const audit = await t.gql(`{ auditEntries(first: 50, filter: { caseNo: "${DEMO.clerkCase}" }) { edges { node { kind detail } } } }`, {
      as: 'demo-auditor',
    });
    const details = audit.body.data?.auditEntries.edges.filter((e: any) => e.node.kind === 'CONTROL').map((e: any) => JSON.parse(e.node.detail));
    const steps = details.filter((d: any) => d.orderId === id).map((d: any) => d.step);
    expect(steps).toEqual(expect.arrayContaining(['DELIVERY', 'RECEIPT', 'NOTIFICATION']));
  }, 60000);

  it('renews a measure before it ends and releases it, each through approval and the agency', async () => {
    const follow = {
      rulingNo: '(2024)皖1524执123号之三',
      rulingDate: '2026-12-01',
      noticeNo: '(2024)皖1524执123号协字3号',
      noticeDate: '2026-12-01',
    };
    const tooLong = await t.gql(`mutation ($id: ID!, $input: FollowUpControlOrderInput!) { renewControlOrder(id: $id, input: $input) { id } }`, {
      as: 'demo-clerk',
      variables: { id: flatOrder, input: { ...follow, periodDays: 1096 } },
    });
    expect(tooLong.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PERIOD_TOO_LONG' });
    const renewal = await t.gql(
      `mutation ($id: ID!, $input: FollowUpControlOrderInput!) { renewControlOrder(id: $id, input: $input) { id state kind parentId } }`,
      {
        as: 'demo-clerk',
        variables: { id: flatOrder, input: { ...follow, periodDays: 100 } },
      },
    );
    const renewalId = renewal.body.data!.renewControlOrder.id as string;
    expect(renewal.body.data!.renewControlOrder).toMatchObject({ state: 'PENDING_APPROVAL', kind: 'RENEW', parentId: flatOrder });
    await approve(renewalId);
    const renewed = await waitFor(
      () => order(renewalId),
      (o) => o?.state !== 'SENT',
    );
    expect(renewed).toMatchObject({ state: 'ACTIVE', rank: 1, registeredFrom: '2029-08-27', registeredUntil: '2029-12-04' });
    expect((await order(flatOrder)).state).toBe('RENEWED');

    const release = await t.gql(
      `mutation ($id: ID!, $input: FollowUpControlOrderInput!) { releaseControlOrder(id: $id, input: $input) { id state kind } }`,
      {
        as: 'demo-clerk',
        variables: { id: renewalId, input: follow },
      },
    );
    const releaseId = release.body.data!.releaseControlOrder.id as string;
    expect(release.body.data!.releaseControlOrder).toMatchObject({ state: 'PENDING_APPROVAL', kind: 'RELEASE' });
    await approve(releaseId);
    expect(
      await waitFor(
        () => order(releaseId),
        (o) => o?.state !== 'SENT',
      ),
    ).toMatchObject({ state: 'RELEASED' });
    expect((await order(renewalId)).state).toBe('RELEASED');
    const db = await t.hub.sourceDatabases.property.ready();
    expect(await db.query('SELECT released_on::text AS released FROM real_estate_encumbrance WHERE request_id = $1', [flatOrder])).toEqual([
      { released: '2026-12-01' },
    ]);
  }, 60000);

  it('keeps duties apart: a clerk cannot approve, an approver cannot draft, nobody approves twice', async () => {
    const id = await draftAndApprove(seizure('PROPERTY', SHOP, people.zhangWei.id));
    expect(codes(await t.gql(`mutation ($id: ID!) { approveControlOrder(id: $id) { state } }`, { as: 'demo-clerk', variables: { id } }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codes(await t.gql(DRAFT, { as: 'demo-approver', variables: { input: seizure('PROPERTY', SHOP, people.zhangWei.id) } }))).toEqual([
      'FORBIDDEN',
    ]);
    const rejected = await t.gql(`mutation ($id: ID!) { rejectControlOrder(id: $id, reason: "证据不足") { state rejectionReason } }`, {
      as: 'demo-approver',
      variables: { id },
    });
    expect(rejected.body.data?.rejectControlOrder).toEqual({ state: 'REJECTED', rejectionReason: '证据不足' });
    const again = await approve(id);
    expect(codes(again)).toEqual(['CONFLICT']);
    expect(again.body.errors![0].extensions!.state).toBe('REJECTED');
  }, 30000);

  it('refuses at draft what the law refuses: too long, not the owner, a closed case', async () => {
    const tooLong = await t.gql(DRAFT, { as: 'demo-clerk', variables: { input: seizure('VEHICLE', TRUCK, people.huaxing.id, 731) } });
    expect(tooLong.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PERIOD_TOO_LONG' });
    const notOwner = await t.gql(DRAFT, { as: 'demo-clerk', variables: { input: seizure('PROPERTY', FLAT_OF_WANG, people.zhangWei.id) } });
    expect(notOwner.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_OWNER' });
    const closed = await t.gql(DRAFT, {
      as: 'demo-clerk',
      variables: { input: { ...seizure('PROPERTY', SHOP, people.zhangWei.id), caseNo: DEMO.closedCase } },
    });
    expect(closed.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CASE_NOT_ACTIVE' });
  }, 30000);

  it('weighs over-seizure at submission: a lone factory worth more than the claim is allowed, a second seizure then refused with the figures, at submission and at approval', async () => {
    // Amount due 1,285,000 plus 5 % costs: a claim of 1,349,250. Nothing of the case is seized or pending now.
    const factory = await draftAndApprove(seizure('PROPERTY', FACTORY, people.huaxing.id));
    expect((await order(factory)).state).toBe('PENDING_APPROVAL');

    const truck = await draft(seizure('VEHICLE', TRUCK, people.huaxing.id));
    const refused = await submit(truck);
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OVER_SEIZURE' });
    expect(refused.body.errors?.[0].message).toContain('4716000.00 yuan of a claim of 1349250.00 yuan');
    expect(refused.body.errors?.[0].message).toContain('amount due 1285000.00 plus 5 % costs');
    expect((await order(truck)).state).toBe('DRAFT');

    // Without the factory the truck is needed, and allowed; a factory seizure submitted after it is allowed too (the
    // truck alone is short of the claim), and then the truck is refused again, at approval.
    expect((await reject(factory)).body.data?.rejectControlOrder.state).toBe('REJECTED');
    expect((await submit(truck)).body.data?.submitControlOrder.state).toBe('PENDING_APPROVAL');
    const factoryAgain = await draftAndApprove(seizure('PROPERTY', FACTORY, people.huaxing.id));
    const atApproval = await approve(truck);
    expect(atApproval.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OVER_SEIZURE' });
    expect((await order(truck)).state).toBe('PENDING_APPROVAL');
    for (const id of [truck, factoryAgain]) expect((await reject(id)).body.data?.rejectControlOrder.state).toBe('REJECTED');
  }, 60000);

  it('keeps weighing a measure once it is renewed: the renewed factory seizure still makes a second seizure over the amount', async () => {
    const factory = await draftAndApprove(seizure('PROPERTY', FACTORY, people.huaxing.id, 200));
    expect((await approve(factory)).body.data?.approveControlOrder.state).toBe('SENT');
    expect(
      await waitFor(
        () => order(factory),
        (o) => o?.state !== 'SENT',
      ),
    ).toMatchObject({ state: 'ACTIVE' });
    const follow = {
      rulingNo: `${DEMO.clerkCase}之五`,
      rulingDate: '2026-12-01',
      noticeNo: `${DEMO.clerkCase.replace(/号$/, '')}协字5号`,
      noticeDate: '2026-12-01',
    };
    const renewal = await t.gql(`mutation ($id: ID!, $input: FollowUpControlOrderInput!) { renewControlOrder(id: $id, input: $input) { id } }`, {
      as: 'demo-clerk',
      variables: { id: factory, input: { ...follow, periodDays: 100 } },
    });
    expect(renewal.body.errors).toBeUndefined();
    const renewalId = renewal.body.data!.renewControlOrder.id as string;
    courts.set(renewalId, COURT_OF[DEMO.clerkCase]);
    expect((await approve(renewalId)).body.data?.approveControlOrder.state).toBe('SENT');
    expect(
      await waitFor(
        () => order(renewalId),
        (o) => o?.state !== 'SENT',
      ),
    ).toMatchObject({ state: 'ACTIVE' });
    expect((await order(factory)).state).toBe('RENEWED');

    // The factory (4,716,000) still secures the claim of 1,349,250 through its renewal: the truck is not needed.
    const truck = await draft(seizure('VEHICLE', TRUCK, people.huaxing.id));
    const refused = await submit(truck);
    expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OVER_SEIZURE' });
    expect(refused.body.errors?.[0].message).toContain('4716000.00 yuan of a claim of 1349250.00 yuan');

    // Released, the factory secures nothing: the truck is allowed again.
    const release = await t.gql(`mutation ($id: ID!, $input: FollowUpControlOrderInput!) { releaseControlOrder(id: $id, input: $input) { id } }`, {
      as: 'demo-clerk',
      variables: { id: renewalId, input: follow },
    });
    expect(release.body.errors).toBeUndefined();
    const releaseId = release.body.data!.releaseControlOrder.id as string;
    courts.set(releaseId, COURT_OF[DEMO.clerkCase]);
    expect((await approve(releaseId)).body.data?.approveControlOrder.state).toBe('SENT');
    expect(
      await waitFor(
        () => order(releaseId),
        (o) => o?.state !== 'SENT',
      ),
    ).toMatchObject({ state: 'RELEASED' });
    expect((await submit(truck)).body.data?.submitControlOrder.state).toBe('PENDING_APPROVAL');
    expect((await reject(truck)).body.data?.rejectControlOrder.state).toBe('REJECTED');
  }, 60000);

  it('ranks two courts racing to seize one vehicle 1 and 2, never both first; the agency answers once (manual mode)', async () => {
    const a = await draftAndApprove(seizure('VEHICLE', TRUCK, people.huaxing.id, 700));
    const b = await draftAndApprove(seizure('VEHICLE', TRUCK, people.huaxing.id, 700, DEMO.otherCourtCase2));
    expect((await Promise.all([approve(a), approve(b)])).map((r) => r.body.data?.approveControlOrder.state)).toEqual(['SENT', 'SENT']);
    const inbox = await waitFor(
      () =>
        t.gql('{ assistanceInbox(first: 10, state: PENDING) { edges { node { id kind assetKey subjectName court } } } }', {
          as: 'demo-agency-vehicle',
        }),
      (r) => (r.body.data?.assistanceInbox.edges ?? []).length >= 2,
    );
    const requests = inbox.body.data?.assistanceInbox.edges.map((e: any) => e.node);
    expect(requests.map((n: any) => n.id).sort()).toEqual([a, b].sort());
    expect(requests.map((n: any) => n.court).sort()).toEqual(['金寨县人民法院', '霍邱县人民法院']);
    const answer = (id: string) =>
      t.gql(`mutation ($id: ID!) { answerAssistanceRequest(id: $id, input: { decision: ACCEPTED }) { decision rank registrationNo } }`, {
        as: 'demo-agency-vehicle',
        variables: { id },
      });
    const [ra, rb] = await Promise.all([answer(a), answer(b)]);
    expect([ra.body.data?.answerAssistanceRequest.rank, rb.body.data?.answerAssistanceRequest.rank].sort()).toEqual([1, 2]);
    const twice = await answer(a);
    expect(codes(twice)).toEqual(['CONFLICT']);
    const [oa, ob] = await Promise.all(
      [a, b].map((id) =>
        waitFor(
          () => order(id),
          (o) => o?.state !== 'SENT',
        ),
      ),
    );
    expect([oa.state, ob.state].sort()).toEqual(['ACTIVE', 'QUEUED']);
    expect(codes(await t.gql('{ assistanceInbox(first: 10) { totalCount } }', { as: 'demo-agency-property' }))).toEqual([]);
    expect(codes(await t.gql('{ assistanceInbox(first: 10) { totalCount } }', { as: 'demo-clerk' }))).toEqual(['FORBIDDEN']);

    // The first lapses when its period ends; the queued one moves up by itself and its court is told.
    const [first, second] = oa.rank === 1 ? [a, b] : [b, a];
    const firstClerk = courts.get(first)!.clerk;
    const secondClerk = courts.get(second)!.clerk;
    // The queued court's receipt names its place in the waiting list: one measure ahead is 轮候第1位.
    const receipts = await t.gql('{ notifications(first: 50) { edges { node { kind message orderId } } } }', { as: secondClerk });
    const receipt = receipts.body.data?.notifications.edges.map((e: any) => e.node).find((n: any) => n.kind === 'RECEIPT' && n.orderId === second);
    expect(receipt.message).toContain('轮候第1位');
    // Warned once within 30 days of the end.
    clock.advanceDays(680);
    await sweep(t.hub.control);
    await sweep(t.hub.control);
    const warnings = await t.gql('{ notifications(first: 50, unreadOnly: true) { edges { node { id kind orderId } } } }', { as: firstClerk });
    const unread = warnings.body.data?.notifications.edges.map((e: any) => e.node);
    expect(unread.filter((n: any) => n.kind === 'EXPIRY_WARNING' && n.orderId === first)).toHaveLength(1);
    const marked = await t.gql('mutation ($ids: [ID!]!) { markNotificationsRead(ids: $ids) }', {
      as: firstClerk,
      variables: { ids: unread.map((n: any) => n.id) },
    });
    expect(marked.body.data?.markNotificationsRead).toBe(unread.length);
    expect(
      (await t.gql('{ notifications(first: 5, unreadOnly: true) { totalCount } }', { as: firstClerk })).body.data?.notifications.totalCount,
    ).toBe(0);
    for (const approver of ['demo-approver', 'demo-approver-2']) {
      expect((await t.gql('{ notifications(first: 5) { totalCount } }', { as: approver })).body.data?.notifications.totalCount).toBe(0);
    }
    clock.advanceDays(21);
    await sweep(t.hub.control);
    expect((await order(first)).state).toBe('LAPSED');
    const promoted = await order(second);
    expect(promoted).toMatchObject({ state: 'ACTIVE', rank: 1 });
    expect(promoted.history.map((h: { action: string }) => h.action)).toContain('PROMOTED');
    const notes = async (as: string) =>
      (await t.gql('{ notifications(first: 20) { edges { node { kind orderId } } } }', { as })).body.data?.notifications.edges.map(
        (e: any) => e.node,
      );
    expect(await notes(secondClerk)).toContainEqual({ kind: 'PROMOTED', orderId: second });
    expect(await notes(firstClerk)).toContainEqual({ kind: 'LAPSED', orderId: first });
  }, 60000);

  it('delivers once however often delivery runs (inbox keyed by the request id)', async () => {
    const id = await draftAndApprove(seizure('PROPERTY', SHOP, people.zhangWei.id, 30));
    await approve(id);
    await Promise.all([deliver(t.hub.control, id), deliver(t.hub.control, id), deliver(t.hub.control, id)]);
    const done = await waitFor(
      () => order(id),
      (o) => o?.state !== 'SENT',
    );
    expect(done.history.filter((h: { action: string }) => h.action === 'DELIVERED')).toHaveLength(1);
    const db = await t.hub.sourceDatabases.property.ready();
    expect(await db.query('SELECT count(*)::int AS n FROM assistance_inbox WHERE request_id = $1', [id])).toEqual([{ n: 1 }]);
    expect(await db.query('SELECT count(*)::int AS n FROM real_estate_encumbrance WHERE request_id = $1', [id])).toEqual([{ n: 1 }]);
  }, 60000);

  it("ranks two courts' seizures of one factory processed at the same time by the reference processor 1 and 2", async () => {
    // 金寨's case holds the shop (688,800) and perhaps the truck (215,000): short of its claim, so the factory is needed.
    const ids = [
      await draftAndApprove(seizure('PROPERTY', FACTORY, people.huaxing.id)),
      await draftAndApprove(seizure('PROPERTY', FACTORY, people.huaxing.id, 365, DEMO.otherCourtCase2)),
    ];
    expect((await Promise.all(ids.map(approve))).map((r) => r.body.data?.approveControlOrder.state)).toEqual(['SENT', 'SENT']);
    await Promise.all(
      ids.flatMap((id) => [processRequest(t.hub.control, id).catch(() => undefined), processRequest(t.hub.control, id).catch(() => undefined)]),
    );
    const done = await Promise.all(
      ids.map((id) =>
        waitFor(
          () => order(id),
          (o) => o?.state !== 'SENT',
        ),
      ),
    );
    expect(done.map((o) => o.rank).sort()).toEqual([1, 2]);
    expect(done.map((o) => o.state).sort()).toEqual(['ACTIVE', 'QUEUED']);
    const db = await t.hub.sourceDatabases.property.ready();
    expect(await db.query('SELECT count(*)::int AS n FROM real_estate_encumbrance WHERE request_id = ANY($1::uuid[])', [ids])).toEqual([{ n: 2 }]);
  }, 60000);
});
