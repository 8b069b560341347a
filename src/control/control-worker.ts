import type { JobFeature } from '../jobs/job-runner';
import { applyRequest, deliverToInbox, readReceipt, renumber, type Receipt } from './agency-registry';
import { dateOf } from './clock';
import { enqueue, retrying, TASKS } from './control-jobs';
import { addEvent, controlAuditDraft, loadOrder, notify, recordSteps, type ControlOrderRow, type ControlState } from './control-orders';
import { controlOf, CONTROLLABLE, type ControlRuntime } from './control-runtime';
import { freezeChainInForce, freezeHolding, freezeRootOf } from './deductions';
import { answerDueAt, overdueAnswers } from './overdue-answers';
import { registryColumns } from './source-control';
import type { EntityManager } from 'typeorm';
import type { SourceName } from '../sources/source-name';
import { releaseReceiptArrived } from '../bankruptcy/release-tasks';

const WORKER = 'system:control-worker';
const agencyActor = (source: string) => `agency:${source}`;

/** Delivery: the approved request into the agency's inbox, then (reference processor) its processing. */
export async function deliver(runtime: ControlRuntime, orderId: string): Promise<void> {
  const order = await loadOrder(runtime.hub, orderId);
  if (!order || order.deliveredAt || order.state !== 'SENT') return;
  const db = await runtime.sourceDatabases[order.source as SourceName].ready();
  // The agency knows a measure by the request that registered it: the first of a chain of renewals.
  let original: string | null = null;
  if (order.parentId) {
    const [root] = (await runtime.hub.query(
      `WITH RECURSIVE up AS (SELECT id, parent_id, kind FROM control_order WHERE id = $1
         UNION ALL SELECT o.id, o.parent_id, o.kind FROM control_order o JOIN up ON o.id = up.parent_id AND up.kind = 'RENEW')
       SELECT id FROM up WHERE kind <> 'RENEW' LIMIT 1`,
      [order.parentId],
    )) as Array<{ id: string }>;
    original = root?.id ?? order.parentId;
  } else if (order.freezeOrderId) {
    // A deduction names the freeze it draws on by the request that registered it.
    original = order.freezeOrderId;
  }
  await deliverToInbox(db, {
    requestId: order.id,
    kind: order.kind,
    assetKey: order.assetKey,
    subjectIdNumber: order.subjectIdNumber,
    subjectName: order.subjectName,
    court: order.courtName,
    caseNo: order.caseNo,
    amount: order.amount,
    periodDays: order.periodDays,
    rulingNo: order.rulingNo,
    noticeNo: order.noticeNo,
    originalRequestId: original,
  });
  await runtime.hub.transaction(async (m) => {
    const locked = await loadOrder(m, orderId, true);
    if (!locked || locked.deliveredAt) return;
    await m.query(`UPDATE control_order SET delivered_at = $2, updated_at = $2, version = version + 1 WHERE id = $1`, [orderId, runtime.clock.now()]);
    await addEvent(m, runtime, orderId, {
      actor: WORKER,
      organisationCode: null,
      action: 'DELIVERED',
      state: 'SENT',
      note: `into the ${order.source} inbox`,
    });
    if (!runtime.config.manualSources.includes(order.source as SourceName))
      await enqueue(m, TASKS.process, { orderId }, `${TASKS.process}:${orderId}`);
    await recordSteps(runtime, [controlAuditDraft(order, 'DELIVERY', WORKER, { source: order.source })]);
  });
}

/** The agency's reference processor: registers the request and writes its receipt, then the hub collects it. */
export async function processRequest(runtime: ControlRuntime, orderId: string): Promise<void> {
  const order = await loadOrder(runtime.hub, orderId);
  if (!order) return;
  const control = controlOf(order.source);
  if (!control) throw new Error(`source ${order.source} is not controllable`);
  const db = await runtime.sourceDatabases[order.source as SourceName].ready();
  const applied = await applyRequest(db, control, orderId, dateOf(runtime.clock.now()), agencyActor(order.source));
  if (!applied) return;
  await runtime.hub.transaction(async (m) => {
    await enqueue(m, TASKS.collect, { orderId }, `${TASKS.collect}:${orderId}`);
    if (applied.promoted.length > 0) await enqueue(m, TASKS.sweep, { source: order.source }, `${TASKS.sweep}:${order.source}`);
  });
}

/** The receipt into the hub: the order becomes ACTIVE, QUEUED or REJECTED (renewals and releases: see below). */
export async function collect(runtime: ControlRuntime, orderId: string): Promise<void> {
  const order = await loadOrder(runtime.hub, orderId);
  if (!order || order.answeredAt) return;
  const db = await runtime.sourceDatabases[order.source as SourceName].ready();
  const receipt = await readReceipt(db, orderId);
  if (!receipt) return; // not answered yet (manual mode): answering enqueues the collection again
  await applyReceipt(runtime, orderId, receipt);
}

async function applyReceipt(runtime: ControlRuntime, orderId: string, receipt: Receipt): Promise<void> {
  await runtime.hub.transaction(async (m) => {
    const order = await loadOrder(m, orderId, true);
    if (!order || order.answeredAt || order.state !== 'SENT') return;
    const accepted = receipt.decision === 'ACCEPTED';
    let state: ControlState;
    if (!accepted) state = 'REJECTED';
    else if (order.kind === 'RELEASE') state = 'RELEASED';
    else if (order.kind === 'DEDUCT') state = 'EXECUTED';
    else state = receipt.rank !== null && receipt.rank > 1 ? 'QUEUED' : 'ACTIVE';
    const now = runtime.clock.now();
    await m.query(
      `UPDATE control_order SET state = $2, rank = $3, registration_no = $4, registered_from = $5, registered_until = $6, amount_frozen = $7,
              rejection_reason = $8, answered_at = $9, updated_at = $9, version = version + 1 WHERE id = $1`,
      [
        orderId,
        state,
        receipt.rank,
        receipt.registrationNo,
        receipt.registeredFrom,
        receipt.registeredUntil,
        receipt.amountFrozen,
        accepted ? null : receipt.reason,
        now,
      ],
    );
    const note = accepted
      ? `${receipt.registrationNo ?? ''}${receipt.rank ? `, rank ${receipt.rank}` : ''}${receipt.registeredUntil ? `, until ${receipt.registeredUntil}` : ''}`
      : receipt.reason;
    await addEvent(m, runtime, orderId, { actor: receipt.answeredBy, organisationCode: null, action: 'RECEIPT', state, note });
    // A renewal or release carries on the measure it follows: that one becomes RENEWED (its successor now holds the
    // asset) or RELEASED.
    const steps = [controlAuditDraft(order, 'RECEIPT', receipt.answeredBy, { state, decision: receipt.decision, rank: receipt.rank })];
    if (accepted && order.parentId && (order.kind === 'RENEW' || order.kind === 'RELEASE')) {
      const parentState: ControlState = order.kind === 'RENEW' ? 'RENEWED' : 'RELEASED';
      await m.query(`UPDATE control_order SET state = $2, updated_at = $3, version = version + 1 WHERE id = $1`, [order.parentId, parentState, now]);
      await addEvent(m, runtime, order.parentId, {
        actor: receipt.answeredBy,
        organisationCode: null,
        action: order.kind,
        state: parentState,
        note: `by ${orderId}`,
      });
      if (order.kind === 'RENEW') {
        await m.query(
          `UPDATE control_order SET registered_from = (SELECT registered_from FROM control_order WHERE id = $2) WHERE id = $1 AND registered_from IS NULL`,
          [orderId, order.parentId],
        );
      }
    }
    if (accepted && order.kind === 'DEDUCT' && order.freezeOrderId) steps.push(...(await onDeducted(m, runtime, order, receipt)));
    const message = `${order.caseNo} ${label(order)}：${accepted ? `协助执行回执已收到（${state}${receipt.rank && receipt.rank > 1 ? `，轮候第${receipt.rank - 1}位` : ''}）` : `协助执行被拒绝：${receipt.reason}`}`;
    await notify(m, runtime, { organisationId: order.courtId, userId: order.draftedBy, orderId, kind: 'RECEIPT', message });
    steps.push(controlAuditDraft(order, 'NOTIFICATION', WORKER, { notification: 'RECEIPT' }));
    // A release set off by a bankruptcy acceptance: its task is done and the asset handed over (src/bankruptcy).
    steps.push(...(await releaseReceiptArrived(m, runtime, order, state, receipt)));
    await recordSteps(runtime, steps);
  });
}

const label = (o: ControlOrderRow) => `${o.kind} ${o.assetKey}`;
const yuan = (cents: number) => (cents / 100).toFixed(2);

/**
 * A deduction carried out: its freeze's history records it with what the freeze still holds; a freeze drawn down to
 * nil (the agency releases it and the next in line moves up) is EXECUTED.
 */
async function onDeducted(m: EntityManager, runtime: ControlRuntime, order: ControlOrderRow, receipt: Receipt) {
  const root = await freezeRootOf(m, order.freezeOrderId!);
  if (!root) return [];
  const held = await freezeHolding(m, root);
  const left = Math.round((held.frozen - held.deducted) * 100);
  const inForce = await freezeChainInForce(m, root.id);
  const holder = inForce[0] ?? root;
  const usedUp = left <= 0 && inForce.length > 0;
  const note = `${receipt.amountFrozen ?? '0.00'} by ${order.id}; ${yuan(Math.max(0, left))} left frozen`;
  await addEvent(m, runtime, holder.id, {
    actor: receipt.answeredBy,
    organisationCode: null,
    action: 'DEDUCTED',
    state: usedUp ? 'EXECUTED' : holder.state,
    note,
  });
  if (usedUp) {
    for (const o of inForce)
      await m.query(`UPDATE control_order SET state = 'EXECUTED', updated_at = $2, version = version + 1 WHERE id = $1`, [o.id, runtime.clock.now()]);
  }
  return [
    controlAuditDraft(holder, 'DEDUCTION', receipt.answeredBy, {
      deductionId: order.id,
      amount: receipt.amountFrozen,
      left: yuan(Math.max(0, left)),
    }),
  ];
}

/**
 * The periodic sweep (hourly, and after a release): measures whose period ran out lapse, the waiting lists move up
 * (the agency's registry renumbers; an order that reached the first place becomes ACTIVE and its court is told),
 * and clerks are warned of measures ending within the warning period.
 */
export async function sweep(runtime: ControlRuntime, only?: string): Promise<void> {
  const today = dateOf(runtime.clock.now());
  for (const [source, control] of Object.entries(CONTROLLABLE)) {
    if (only && only !== source) continue;
    const sdb = runtime.sourceDatabases[source as SourceName];
    let db;
    try {
      db = await sdb.ready();
    } catch {
      continue; // an agency that is down is swept next time
    }
    await db.transaction((m) => renumber(m, control!, today));
    const queued: Array<{ id: string }> = await runtime.hub.query(`SELECT id FROM control_order WHERE source = $1 AND state = 'QUEUED'`, [source]);
    const r = control!.registry;
    const c = registryColumns(r);
    const changes: Array<{ requestId: string; rank: number; registeredFrom: string | null; registeredUntil: string | null; amount: string | null }> =
      queued.length === 0
        ? []
        : await db.query(
            `SELECT request_id AS "requestId", rank - ${c.firstRank} + 1 AS rank, "${c.registeredOn}"::text AS "registeredFrom", expires_on::text AS "registeredUntil",
                    ${c.amount ? `"${c.amount}"::text` : 'NULL'} AS amount
         FROM "${r.encumbranceTable}" WHERE request_id = ANY($1::uuid[]) AND released_on IS NULL`,
            [queued.map((q) => q.id)],
          );
    await runtime.hub.transaction(async (m) => {
      const lapsed: ControlOrderRow[] = [];
      const ids: Array<{ id: string }> = await m.query(
        `SELECT id FROM control_order WHERE source = $1 AND state IN ('ACTIVE', 'QUEUED') AND registered_until IS NOT NULL AND registered_until < $2 FOR UPDATE`,
        [source, today],
      );
      for (const { id } of ids) {
        const order = (await loadOrder(m, id))!;
        await m.query(`UPDATE control_order SET state = 'LAPSED', updated_at = $2, version = version + 1 WHERE id = $1`, [id, runtime.clock.now()]);
        await addEvent(m, runtime, id, {
          actor: WORKER,
          organisationCode: null,
          action: 'LAPSED',
          state: 'LAPSED',
          note: `period ended ${order.registeredUntil}`,
        });
        await notify(m, runtime, {
          organisationId: order.courtId,
          userId: order.draftedBy,
          orderId: id,
          kind: 'LAPSED',
          message: `${order.caseNo} ${label(order)}：期限已届满，措施失效`,
        });
        lapsed.push(order);
      }
      const steps = lapsed.flatMap((o) => [
        controlAuditDraft(o, 'LAPSE', WORKER),
        controlAuditDraft(o, 'NOTIFICATION', WORKER, { notification: 'LAPSED' }),
      ]);
      for (const change of changes) {
        const order = await loadOrder(m, change.requestId, true);
        if (!order || order.state !== 'QUEUED' || order.rank === change.rank) continue;
        const promoted = order.state === 'QUEUED' && change.rank === 1;
        // A freeze of a balance reaching the first place was weighed again by the agency against the balance now held.
        const refrozen =
          promoted && order.kind === 'FREEZE' && change.amount !== null && order.amountFrozen !== null && change.amount !== order.amountFrozen
            ? { from: order.amountFrozen, to: change.amount }
            : null;
        await m.query(
          `UPDATE control_order SET rank = $2, state = $3, registered_from = COALESCE($4, registered_from), registered_until = COALESCE($5, registered_until),
                  amount_frozen = COALESCE($7, amount_frozen), updated_at = $6, version = version + 1 WHERE id = $1`,
          [
            order.id,
            change.rank,
            promoted ? 'ACTIVE' : order.state,
            promoted ? change.registeredFrom : null,
            promoted ? change.registeredUntil : null,
            runtime.clock.now(),
            refrozen?.to ?? null,
          ],
        );
        await addEvent(m, runtime, order.id, {
          actor: agencyActor(source),
          organisationCode: null,
          action: promoted ? 'PROMOTED' : 'RANK',
          state: promoted ? 'ACTIVE' : order.state,
          note: `rank ${change.rank}${refrozen ? `; amount frozen ${refrozen.from} → ${refrozen.to} (rechecked against the balance)` : ''}`,
        });
        if (promoted) {
          const measure = order.kind === 'FREEZE' ? '冻结' : '查封';
          const amountNote = refrozen ? `，按现有余额重新核定实际冻结金额：由${refrozen.from}元变为${refrozen.to}元` : '';
          await notify(m, runtime, {
            organisationId: order.courtId,
            userId: order.draftedBy,
            orderId: order.id,
            kind: 'PROMOTED',
            message: `${order.caseNo} ${label(order)}：轮候${measure}已转为正式${measure}，至${change.registeredUntil}${amountNote}`,
          });
          steps.push(
            controlAuditDraft(order, 'PROMOTION', agencyActor(source), {
              rank: 1,
              ...(refrozen ? { amountFrozenBefore: refrozen.from, amountFrozen: refrozen.to } : {}),
            }),
            controlAuditDraft(order, 'NOTIFICATION', WORKER, { notification: 'PROMOTED' }),
          );
        }
      }
      const warnBy = new Date(Date.parse(`${today}T00:00:00Z`) + runtime.config.expiryWarningDays * 86_400_000).toISOString().slice(0, 10);
      const ending: Array<{ id: string }> = await m.query(
        `SELECT id FROM control_order WHERE source = $1 AND state = 'ACTIVE' AND warned_at IS NULL AND registered_until IS NOT NULL AND registered_until <= $2 FOR UPDATE`,
        [source, warnBy],
      );
      for (const { id } of ending) {
        const order = (await loadOrder(m, id))!;
        await m.query(`UPDATE control_order SET warned_at = $2 WHERE id = $1`, [id, runtime.clock.now()]);
        await notify(m, runtime, {
          organisationId: order.courtId,
          userId: order.draftedBy,
          orderId: id,
          kind: 'EXPIRY_WARNING',
          message: `${order.caseNo} ${label(order)}：将于${order.registeredUntil}到期，请及时续行`,
        });
        steps.push(controlAuditDraft(order, 'NOTIFICATION', WORKER, { notification: 'EXPIRY_WARNING' }));
      }
      await recordSteps(runtime, steps);
    });
  }
  await flagOverdueAnswers(runtime, only);
}

/**
 * Orders whose agency has not answered in time (control/overdue-answers.ts): each is flagged once, with a note in its
 * history and a notification to the clerk who drafted it and the approver who sent it. Runs whatever the state of the
 * agency's database: an agency that is down is precisely one that does not answer.
 */
export async function flagOverdueAnswers(runtime: ControlRuntime, only?: string): Promise<number> {
  const now = runtime.clock.now();
  const days = runtime.config.answerDays;
  return runtime.hub.transaction(async (m) => {
    const { rows } = await overdueAnswers(m, { now, answerDays: days, notNotified: true, first: 1000 });
    let flagged = 0;
    const steps: Array<ReturnType<typeof controlAuditDraft>> = [];
    for (const found of rows) {
      if (only && found.source !== only) continue;
      const locked: Array<{ id: string }> = await m.query(
        `SELECT id FROM control_order WHERE id = $1 AND overdue_notified_at IS NULL AND state = 'SENT' FOR UPDATE SKIP LOCKED`,
        [found.id],
      );
      if (locked.length === 0) continue;
      const order = (await loadOrder(m, found.id))!;
      await m.query(`UPDATE control_order SET overdue_notified_at = $2 WHERE id = $1`, [order.id, now]);
      const due = answerDueAt(new Date(order.sentAt!), days);
      await addEvent(m, runtime, order.id, {
        actor: WORKER,
        organisationCode: null,
        action: 'ANSWER_OVERDUE',
        state: order.state,
        note: `no answer from the ${order.source} agency ${days} days after sending (due ${due.toISOString()})`,
      });
      const message = `${order.caseNo} ${label(order)}：协助执行请求已发出${days}日，协助单位尚未回复，请督促`;
      for (const userId of new Set([order.draftedBy, order.approvedBy].filter((id): id is string => !!id)))
        await notify(m, runtime, { organisationId: order.courtId, userId, orderId: order.id, kind: 'ANSWER_OVERDUE', message });
      steps.push(controlAuditDraft(order, 'NOTIFICATION', WORKER, { notification: 'ANSWER_OVERDUE', dueAt: due.toISOString() }));
      flagged++;
    }
    await recordSteps(runtime, steps);
    return flagged;
  });
}

/**
 * The control tasks for the hub's job runner (jobs/job-runner.ts): delivery, the reference processor and the
 * receipts (each retried through the queue while its agency is down), and the sweep, hourly and after a release.
 */
export function controlJobs(runtime: ControlRuntime): JobFeature {
  const id = (p: Record<string, unknown>) => String(p.orderId);
  return {
    name: 'control',
    tasks: {
      [TASKS.deliver]: retrying(runtime, TASKS.deliver, (p) => deliver(runtime, id(p))),
      [TASKS.process]: retrying(runtime, TASKS.process, (p) => processRequest(runtime, id(p))),
      [TASKS.collect]: retrying(runtime, TASKS.collect, (p) => collect(runtime, id(p))),
      [TASKS.sweep]: async (p) => sweep(runtime, (p as { source?: string } | null)?.source),
    },
    crontab: [`0 * * * * ${TASKS.sweep} ?jobKey=${TASKS.sweep}`],
  };
}
