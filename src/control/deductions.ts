import type { DataSource, EntityManager } from 'typeorm';
import { loadOrder, ORDER_SELECT, type ControlOrderRow } from './control-orders';

/** States in which a deduction is on its way: its amount is spoken for, though not yet taken. */
const PENDING_DEDUCTION = ['PENDING_APPROVAL', 'APPROVED', 'SENT'];

/**
 * The freeze an order belongs to: the FREEZE order that registered it, found by walking up its renewals. Null when
 * the order is not a freeze or a renewal of one.
 */
export async function freezeRootOf(db: DataSource | EntityManager, orderId: string): Promise<ControlOrderRow | null> {
  const rows: Array<{ id: string; kind: string }> = await db.query(
    `WITH RECURSIVE up AS (SELECT id, parent_id, kind, 0 AS depth FROM control_order WHERE id = $1
       UNION ALL SELECT o.id, o.parent_id, o.kind, up.depth + 1 FROM control_order o JOIN up ON o.id = up.parent_id AND up.kind = 'RENEW')
     SELECT id, kind FROM up ORDER BY depth DESC LIMIT 1`,
    [orderId],
  );
  if (rows[0]?.kind !== 'FREEZE') return null;
  return loadOrder(db, rows[0].id);
}

/** The orders of a freeze's chain (the freeze and its renewals) that hold it now: at most one is ACTIVE. */
export async function freezeChainInForce(db: DataSource | EntityManager, rootId: string): Promise<ControlOrderRow[]> {
  return db.query(
    `WITH RECURSIVE down AS (SELECT id FROM control_order WHERE id = $1
       UNION ALL SELECT o.id FROM control_order o JOIN down ON o.parent_id = down.id AND o.kind = 'RENEW')
     ${ORDER_SELECT} WHERE o.id IN (SELECT id FROM down) AND o.state = 'ACTIVE'`,
    [rootId],
  );
}

export interface FreezeHolding {
  /** What the agency froze (its receipt, or the amount rechecked when the freeze moved up from the waiting list). */
  frozen: number;
  /** Deductions carried out (EXECUTED): the amounts the agency took. */
  deducted: number;
  /** Deductions submitted and not yet answered: the amounts asked. */
  pending: number;
  /** What a further deduction may take: frozen − deducted − pending, never below nil. */
  available: number;
}

/** What a freeze holds for further deductions; `except` leaves one deduction out (the one being weighed). */
export async function freezeHolding(db: DataSource | EntityManager, root: ControlOrderRow, except?: string): Promise<FreezeHolding> {
  const [row] = (await db.query(
    `SELECT coalesce(sum(amount_frozen) FILTER (WHERE state = 'EXECUTED'), 0)::text AS deducted,
            coalesce(sum(amount) FILTER (WHERE state = ANY($3::text[])), 0)::text AS pending
       FROM control_order WHERE freeze_order_id = $1 AND kind = 'DEDUCT' AND ($2::uuid IS NULL OR id <> $2::uuid)`,
    [root.id, except ?? null, PENDING_DEDUCTION],
  )) as Array<{ deducted: string; pending: string }>;
  const cents = (v: string | number | null) => Math.round(Number(v ?? 0) * 100);
  const frozen = cents(root.amountFrozen);
  const deducted = cents(row.deducted);
  const pending = cents(row.pending);
  return { frozen: frozen / 100, deducted: deducted / 100, pending: pending / 100, available: Math.max(0, frozen - deducted - pending) / 100 };
}
