import type { EntityManager } from 'typeorm';
import { dateOf } from '../control/clock';
import { enqueue, retrying } from '../control/control-jobs';
import { recordSteps } from '../control/control-orders';
import type { ControlRuntime } from '../control/control-runtime';
import type { SourceName } from '../sources/source-name';
import {
  answerBankruptcyRequest,
  deliverToBankruptcyInbox,
  readBankruptcyReceipt,
  type BankruptcyAnswer,
  type BankruptcyInboxRequest,
  type BankruptcyReceipt,
  type InboxRow,
} from './bankruptcy-inbox';
import { BANKRUPTCY_TASKS, type BankruptcyJob } from './bankruptcy-tasks';
import { addBankruptcyEvent, bankruptcyAuditDraft, notifyCase } from './bankruptcy-steps';
import { computeSocialSecurityClaim, computeTaxClaim, type ClaimAnswer } from './claims/claim-processor';
import { loadClaim } from './claims/claims';
import { grantCreditRepair, reevaluateTaxCredit, type ReleasedEntry } from './credit-repair/credit-repair-processor';
import { loadDelivery } from './credit-repair/credit-repair';
import { onDishonestListExit } from './credit-repair/dishonest-list-exit';
import { sweepRegistries } from './acceptance-sweep';
import { flagOverdue } from './deadlines';
import { BANKRUPTCY_TASKS as CASE_TASKS } from './jobs';
import type { JobFeature } from '../jobs/job-runner';

const WORKER = 'system:control-worker';
const agencyActor = (source: string) => `agency:${source}`;
const KIND_LABEL: Record<string, string> = { tax: '税务', socialSecurity: '社保', credit: '信用' };

/** The message to deliver, where it goes, and whether it went already. */
async function messageOf(
  runtime: ControlRuntime,
  job: BankruptcyJob,
): Promise<{ source: string; request: BankruptcyInboxRequest; delivered: boolean; open: boolean } | null> {
  if (job.kind === 'CLAIM_NOTICE') {
    const claim = await loadClaim(runtime.hub, job.id);
    if (!claim) return null;
    return {
      source: claim.source,
      delivered: claim.deliveredAt !== null,
      open: claim.state === 'NOTICE_SENT',
      request: {
        requestId: claim.id,
        kind: 'CLAIM_NOTICE',
        court: claim.courtName,
        caseNo: claim.caseNo,
        subjectIdNumber: claim.debtorIdNumber,
        subjectName: claim.debtorName,
        asOf: claim.asOf,
        rulingNo: null,
        rulingDate: null,
        content: { claimKind: claim.kind },
      },
    };
  }
  const d = await loadDelivery(runtime.hub, job.id);
  if (!d) return null;
  const [agency] = (await runtime.hub.query(
    `SELECT name FROM organisation WHERE kind = 'AGENCY' AND source = $1 AND disabled_at IS NULL ORDER BY code LIMIT 1`,
    [d.source],
  )) as Array<{ name: string }>;
  return {
    source: d.source,
    delivered: d.deliveredAt !== null,
    open: d.state === 'SENT',
    request: {
      requestId: d.id,
      kind: 'CREDIT_REPAIR',
      court: d.courtName,
      caseNo: d.caseNo,
      subjectIdNumber: d.debtorIdNumber,
      subjectName: d.debtorName,
      asOf: d.rulingDate,
      rulingNo: d.rulingNo,
      rulingDate: d.rulingDate,
      content: { reasons: d.reasons, documents: d.documents, ...(agency ? { authority: agency.name } : {}) },
    },
  };
}

const table = (job: BankruptcyJob) => (job.kind === 'CLAIM_NOTICE' ? 'bankruptcy_claim' : 'credit_repair_delivery');

/** Delivery into the agency's `bankruptcy_inbox` (idempotent by id), then (reference processor) its processing. */
export async function deliverBankruptcy(runtime: ControlRuntime, job: BankruptcyJob): Promise<void> {
  const message = await messageOf(runtime, job);
  if (!message || message.delivered || !message.open) return;
  const db = await runtime.sourceDatabases[message.source as SourceName].ready();
  await deliverToBankruptcyInbox(db, message.request);
  await runtime.hub.transaction(async (m) => {
    const [row] = (await m.query(`SELECT delivered_at FROM ${table(job)} WHERE id = $1 FOR UPDATE`, [job.id])) as Array<{
      delivered_at: Date | null;
    }>;
    if (!row || row.delivered_at) return;
    await m.query(`UPDATE ${table(job)} SET delivered_at = $2, version = version + 1 WHERE id = $1`, [job.id, runtime.clock.now()]);
    const state = job.kind === 'CLAIM_NOTICE' ? 'NOTICE_SENT' : 'SENT';
    await addBankruptcyEvent(m, runtime, job.id, { actor: WORKER, action: 'DELIVERED', state, note: `into the ${message.source} inbox` });
    if (!runtime.config.manualSources.includes(message.source as SourceName))
      await enqueue(m, BANKRUPTCY_TASKS.process, { ...job }, `${BANKRUPTCY_TASKS.process}:${job.id}`);
    const c = await caseOf(m, job);
    await recordSteps(runtime, [bankruptcyAuditDraft(c, job.id, 'DELIVERY', WORKER, { source: message.source, kind: job.kind })]);
  });
}

/** How the reference processor of `source` answers a request of `kind` (null: that agency takes no such request). */
export function processorOf(
  source: string,
  kind: InboxRow['kind'],
  today: string,
): ((m: EntityManager, request: InboxRow) => Promise<BankruptcyAnswer>) | null {
  if (kind === 'CLAIM_NOTICE' && source === 'tax') return computeTaxClaim;
  if (kind === 'CLAIM_NOTICE' && source === 'socialSecurity') return computeSocialSecurityClaim;
  if (kind === 'CREDIT_REPAIR' && source === 'credit') return (m, r) => grantCreditRepair(m, r, today);
  if (kind === 'CREDIT_REPAIR' && source === 'tax') return (m, r) => reevaluateTaxCredit(m, r, today);
  return null;
}

/** The agency's reference processor: answers from its own records and writes the receipt; then the hub collects it. */
export async function processBankruptcy(runtime: ControlRuntime, job: BankruptcyJob): Promise<void> {
  const message = await messageOf(runtime, job);
  if (!message) return;
  const decide = processorOf(message.source, job.kind, dateOf(runtime.clock.now()));
  if (!decide) throw new Error(`source ${message.source} takes no ${job.kind}`);
  const db = await runtime.sourceDatabases[message.source as SourceName].ready();
  const answered = await answerBankruptcyRequest(db, job.id, agencyActor(message.source), decide);
  if (!answered) return;
  await enqueue(runtime.hub, BANKRUPTCY_TASKS.collect, { ...job }, `${BANKRUPTCY_TASKS.collect}:${job.id}`);
}

/** The receipt into the hub: the claim FILED with its lines, or the agency's part of the repair GRANTED or REFUSED. */
export async function collectBankruptcy(runtime: ControlRuntime, job: BankruptcyJob): Promise<void> {
  const message = await messageOf(runtime, job);
  if (!message || !message.open) return;
  const db = await runtime.sourceDatabases[message.source as SourceName].ready();
  const receipt = await readBankruptcyReceipt(db, job.id);
  if (!receipt) return; // not answered yet (manual mode): answering enqueues the collection again
  if (job.kind === 'CLAIM_NOTICE') await fileClaim(runtime, job.id, receipt);
  else await answerCreditRepair(runtime, job.id, receipt);
}

async function caseOf(m: EntityManager, job: BankruptcyJob) {
  const row = job.kind === 'CLAIM_NOTICE' ? await loadClaim(m, job.id) : await loadDelivery(m, job.id);
  return row!;
}

async function fileClaim(runtime: ControlRuntime, id: string, receipt: BankruptcyReceipt): Promise<void> {
  await runtime.hub.transaction(async (m) => {
    const claim = await loadClaim(m, id, true);
    if (!claim || claim.state !== 'NOTICE_SENT') return;
    const answer = receipt.answer as unknown as ClaimAnswer;
    const now = runtime.clock.now();
    await m.query(
      `UPDATE bankruptcy_claim SET state = 'FILED', creditor = COALESCE($2, creditor), principal = $3, late_fees = $4, lines = $5::jsonb,
              filed_at = $6, filed_by = $7, updated_at = $6, version = version + 1 WHERE id = $1`,
      [id, answer.creditor ?? null, answer.principal, answer.lateFees, JSON.stringify(answer.lines ?? []), now, receipt.answeredBy],
    );
    await addBankruptcyEvent(m, runtime, id, {
      actor: receipt.answeredBy,
      action: 'FILED',
      state: 'FILED',
      note: `principal ${answer.principal}, late fees ${answer.lateFees}`,
    });
    await notifyCase(
      m,
      runtime,
      claim,
      'CLAIM_FILED',
      `${claim.caseNo}：${KIND_LABEL[claim.source] ?? claim.source}债权已申报，本金${answer.principal}元，滞纳金${answer.lateFees}元（截至${claim.asOf}），请管理人审查`,
    );
    await recordSteps(runtime, [
      bankruptcyAuditDraft(claim, id, 'CLAIM_FILED', receipt.answeredBy, { source: claim.source, lines: (answer.lines ?? []).length }),
      bankruptcyAuditDraft(claim, id, 'NOTIFICATION', WORKER, { notification: 'CLAIM_FILED' }),
    ]);
  });
}

async function answerCreditRepair(runtime: ControlRuntime, id: string, receipt: BankruptcyReceipt): Promise<void> {
  await runtime.hub.transaction(async (m) => {
    const d = await loadDelivery(m, id, true);
    if (!d || d.state !== 'SENT') return;
    const granted = receipt.decision === 'GRANTED';
    const state = granted ? 'GRANTED' : 'REFUSED';
    const outcome = granted ? outcomeOf(d.source, receipt.answer) : (receipt.reason ?? 'refused');
    const now = runtime.clock.now();
    await m.query(
      `UPDATE credit_repair_delivery SET state = $2, outcome = $3, answered_at = $4, answered_by = $5, version = version + 1 WHERE id = $1`,
      [id, state, outcome.slice(0, 500), now, receipt.answeredBy],
    );
    await addBankruptcyEvent(m, runtime, id, { actor: receipt.answeredBy, action: state, state, note: outcome });
    const label = KIND_LABEL[d.source] ?? d.source;
    await notifyCase(
      m,
      runtime,
      d,
      granted ? 'CREDIT_REPAIR_GRANTED' : 'CREDIT_REPAIR_REFUSED',
      `${d.caseNo}：${label}信用修复${granted ? '已完成' : `被拒绝：${outcome}`}`,
    );
    const steps = [
      bankruptcyAuditDraft(d, id, granted ? 'CREDIT_REPAIR_GRANTED' : 'CREDIT_REPAIR_REFUSED', receipt.answeredBy, { source: d.source }),
      bankruptcyAuditDraft(d, id, 'NOTIFICATION', WORKER, { notification: granted ? 'CREDIT_REPAIR_GRANTED' : 'CREDIT_REPAIR_REFUSED' }),
    ];
    const released = (receipt.answer.releasedEntries as ReleasedEntry[] | undefined) ?? [];
    if (granted && released.length > 0) {
      steps.push(
        ...(await onDishonestListExit(m, runtime, {
          case: d,
          subjectName: d.debtorName,
          entries: released,
          reason: 'CREDIT_REPAIR',
          requestId: d.requestId,
          actor: receipt.answeredBy,
        })),
      );
    }
    await recordSteps(runtime, steps);
  });
}

function outcomeOf(source: string, answer: Record<string, unknown>): string {
  if (source === 'tax') return `纳税信用等级 ${answer.previousGrade ?? '无'} → ${answer.newGrade}`;
  const released = (answer.releasedEntries as ReleasedEntry[] | undefined) ?? [];
  return `信用修复已登记${released.length > 0 ? `，移出失信名单${released.length}条` : ''}`;
}

/**
 * The bankruptcy tasks for the hub's job runner (jobs/job-runner.ts): the claim notices' and credit repairs' delivery,
 * processing and receipts; the acceptance sweep of the registries (retried through the queue while an agency is
 * down); and the deadlines, hourly.
 */
export function bankruptcyJobs(runtime: ControlRuntime): JobFeature {
  const job = (p: unknown): BankruptcyJob => {
    const { kind, id } = (p ?? {}) as Partial<BankruptcyJob>;
    return { kind: kind === 'CREDIT_REPAIR' ? 'CREDIT_REPAIR' : 'CLAIM_NOTICE', id: String(id) };
  };
  return {
    name: 'bankruptcy',
    tasks: {
      [BANKRUPTCY_TASKS.deliver]: async (p) => deliverBankruptcy(runtime, job(p)),
      [BANKRUPTCY_TASKS.process]: async (p) => processBankruptcy(runtime, job(p)),
      [BANKRUPTCY_TASKS.collect]: async (p) => collectBankruptcy(runtime, job(p)),
      [CASE_TASKS.sweep]: retrying(runtime, CASE_TASKS.sweep, async (p) => {
        await sweepRegistries(runtime, String(p.bankruptcyCaseId));
      }),
      [CASE_TASKS.deadlines]: async () => {
        await flagOverdue(runtime);
      },
    },
    crontab: [`5 * * * * ${CASE_TASKS.deadlines} ?jobKey=${CASE_TASKS.deadlines}`],
  };
}
