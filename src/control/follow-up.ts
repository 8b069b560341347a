import type { EntityManager } from 'typeorm';
import { badUserInput, conflict, notFound, refused } from '../schema/error-codes';
import { dateOf } from './clock';
import { addEvent, loadOrder, type ControlOrderRow } from './control-orders';
import { controlOf, type ControlRuntime } from './control-runtime';
import type { AssetClass } from './source-control';

/** Who asks for a follow-up: a hub user (the order's `drafted_by`), named in its history. */
export interface ControlActor {
  userId: string;
  username: string;
  organisationCode: string | null;
}

/** The legal basis of a follow-up, and a renewal's period in days. */
export interface FollowUpBasis {
  periodDays?: number | null;
  rulingNo: string;
  rulingDate: string;
  noticeNo: string;
  noticeDate: string;
}

const text = (value: string | null | undefined, argument: string, max = 60) => {
  const v = (value ?? '').trim();
  if (!v || v.length > max) throw badUserInput(argument, `required, at most ${max} characters`);
  return v;
};
const date = (value: string, argument: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value ?? '') || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw badUserInput(argument, 'a date YYYY-MM-DD');
  return value;
};

/**
 * A renewal (续行) or release (解除) of a measure in force or waiting (ACTIVE or QUEUED): a new order following it,
 * PENDING_APPROVAL at once, then approved, delivered and answered like any order. Runs in the caller's transaction
 * and checks no permission: the caller decides who may ask (the clerk's mutation through the policy; other
 * procedures — a bankruptcy's release of the measures on the debtor's assets — by their own rules). The measure is
 * locked; a state that allows no follow-up, or a follow-up already under way, is a CONFLICT.
 */
export async function followUpControlOrder(
  m: EntityManager,
  runtime: ControlRuntime,
  actor: ControlActor,
  orderId: string,
  kind: 'RENEW' | 'RELEASE',
  basis: FollowUpBasis,
): Promise<ControlOrderRow> {
  const parent = await loadOrder(m, orderId, true);
  if (!parent) throw notFound('No such control order');
  // A renewal that took effect is the measure now (its predecessor is RENEWED); a release or deduction is no measure.
  if (parent.kind === 'RELEASE' || parent.kind === 'DEDUCT') throw conflict(`A ${parent.kind} order cannot be renewed or released`, parent.state);
  const live = (await m.query(`SELECT id FROM control_order WHERE parent_id = $1 AND state IN ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'SENT')`, [
    parent.id,
  ])) as unknown[];
  if (!['ACTIVE', 'QUEUED'].includes(parent.state) || live.length > 0)
    throw conflict(`A ${parent.state} order cannot be ${kind === 'RENEW' ? 'renewed' : 'released'} now`, parent.state);
  let periodDays: number | null = null;
  if (kind === 'RENEW') {
    const max = controlOf(parent.source)?.assets[parent.assetClass as AssetClass]?.maxPeriodDays ?? 0;
    periodDays = basis.periodDays ?? null;
    if (periodDays === null || !Number.isInteger(periodDays) || periodDays < 1)
      throw badUserInput('input.periodDays', 'a period of at least one day');
    if (periodDays > max)
      throw refused(
        'PERIOD_TOO_LONG',
        `The period of ${periodDays} days exceeds the legal maximum of ${max} days for ${parent.assetClass}`,
        'input.periodDays',
      );
    if (parent.registeredUntil && parent.registeredUntil < dateOf(runtime.clock.now())) throw conflict('The measure has already ended', 'LAPSED');
  }
  const now = runtime.clock.now();
  const [{ id: childId }] = (await m.query(
    `INSERT INTO control_order (case_id, court_id, subject_id, source, kind, asset_class, asset_key, amount, period_days, ruling_no, ruling_date, notice_no, notice_date,
                                parent_id, state, drafted_by, created_at, updated_at)
     SELECT case_id, court_id, subject_id, source, $2, asset_class, asset_key, amount, $3, $4, $5, $6, $7, id, 'PENDING_APPROVAL', $8, $9, $9
       FROM control_order WHERE id = $1 RETURNING id`,
    [
      parent.id,
      kind,
      periodDays,
      text(basis.rulingNo, 'input.rulingNo'),
      date(basis.rulingDate, 'input.rulingDate'),
      text(basis.noticeNo, 'input.noticeNo'),
      date(basis.noticeDate, 'input.noticeDate'),
      actor.userId,
      now,
    ],
  )) as Array<{ id: string }>;
  const by = (action: string, state: ControlOrderRow['state'], note: string) => ({
    actor: actor.username,
    organisationCode: actor.organisationCode,
    action,
    state,
    note,
  });
  await addEvent(m, runtime, childId, by(kind === 'RENEW' ? 'RENEWAL_DRAFTED' : 'RELEASE_DRAFTED', 'PENDING_APPROVAL', `of ${parent.id}`));
  await addEvent(m, runtime, parent.id, by(kind === 'RENEW' ? 'RENEWAL_REQUESTED' : 'RELEASE_REQUESTED', parent.state, `by ${childId}`));
  return (await loadOrder(m, childId))!;
}

/** A release (解除) of a measure: `followUpControlOrder(m, runtime, actor, orderId, 'RELEASE', basis)`. */
export function releaseControlOrder(
  m: EntityManager,
  runtime: ControlRuntime,
  actor: ControlActor,
  orderId: string,
  basis: Omit<FollowUpBasis, 'periodDays'>,
): Promise<ControlOrderRow> {
  return followUpControlOrder(m, runtime, actor, orderId, 'RELEASE', basis);
}
