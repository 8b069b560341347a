import type { DataSource, EntityManager } from 'typeorm';
import { addDays } from './clock';
import { readAsset, registryColumns, type ControlKind, type SourceControl } from './source-control';

/** A request as delivered into an agency's inbox (its id is the hub's order id). */
export interface InboxRequest {
  requestId: string;
  kind: ControlKind;
  assetKey: string;
  subjectIdNumber: string;
  subjectName: string;
  court: string;
  caseNo: string;
  amount: string | null;
  periodDays: number | null;
  rulingNo: string;
  noticeNo: string;
  /** Renewals and releases: the request that registered the measure. */
  originalRequestId: string | null;
}

export interface Receipt {
  requestId: string;
  decision: 'ACCEPTED' | 'REJECTED';
  registrationNo: string | null;
  rank: number | null;
  registeredFrom: string | null;
  registeredUntil: string | null;
  amountFrozen: string | null;
  reason: string | null;
  answeredBy: string;
  answeredAt: Date;
}

/** A seizure whose place in the waiting list changed (a promotion when it reached 1). */
export interface RankChange {
  requestId: string;
  rank: number;
  registeredFrom: string | null;
  registeredUntil: string | null;
}

/** What an agency user decides by hand; the registry still computes the rank and period. */
export interface ManualAnswer {
  decision: 'ACCEPTED' | 'REJECTED';
  registrationNo?: string | null;
  reason?: string | null;
}

/**
 * Delivery: the request into the agency's inbox, keyed by its id. A retried delivery inserts nothing, so the agency
 * sees each request once however often it is delivered. Returns whether this call inserted it.
 */
export async function deliverToInbox(db: DataSource, r: InboxRequest): Promise<boolean> {
  const inserted: unknown[] = await db.query(
    `INSERT INTO assistance_inbox (request_id, kind, asset_key, subject_id_number, subject_name, court, case_no, amount, period_days, ruling_no, notice_no, original_request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (request_id) DO NOTHING RETURNING request_id`,
    [
      r.requestId,
      r.kind,
      r.assetKey,
      r.subjectIdNumber,
      r.subjectName,
      r.court,
      r.caseNo,
      r.amount,
      r.periodDays,
      r.rulingNo,
      r.noticeNo,
      r.originalRequestId,
    ],
  );
  return inserted.length > 0;
}

export async function readReceipt(db: DataSource | EntityManager, requestId: string): Promise<Receipt | null> {
  const rows: Array<Record<string, unknown>> = await db.query(
    `SELECT request_id, decision, registration_no, rank, registered_from::text, registered_until::text, amount_frozen::text, reason, answered_by, answered_at
       FROM assistance_receipt WHERE request_id = $1`,
    [requestId],
  );
  return rows[0] ? receiptOf(rows[0]) : null;
}

const receiptOf = (row: Record<string, unknown>): Receipt => ({
  requestId: String(row.request_id),
  decision: row.decision as Receipt['decision'],
  registrationNo: (row.registration_no as string | null) ?? null,
  rank: (row.rank as number | null) ?? null,
  registeredFrom: (row.registered_from as string | null) ?? null,
  registeredUntil: (row.registered_until as string | null) ?? null,
  amountFrozen: (row.amount_frozen as string | null) ?? null,
  reason: (row.reason as string | null) ?? null,
  answeredBy: String(row.answered_by),
  answeredAt: new Date(row.answered_at as string),
});

/**
 * The reference processor: applies one request the way a registry does, in ONE transaction of the agency's
 * database — lock the asset, check the owner, rank behind the seizures in force or waiting (轮候), apply the legal
 * period, register the encumbrance, write the receipt. `answer` is an agency user's decision (manual mode).
 * Returns the receipt and whether this call wrote it (false: the request was answered before, nothing changed).
 */
export async function applyRequest(
  db: DataSource,
  control: SourceControl,
  requestId: string,
  today: string,
  answeredBy: string,
  answer?: ManualAnswer,
): Promise<{ receipt: Receipt; written: boolean; promoted: RankChange[] } | null> {
  return db.transaction(async (m) => {
    const [request] = (await m.query(`SELECT * FROM assistance_inbox WHERE request_id = $1 FOR UPDATE`, [requestId])) as Array<
      Record<string, unknown>
    >;
    if (!request) return null;
    const existing = await readReceipt(m, requestId);
    if (existing) return { receipt: existing, written: false, promoted: [] };
    const r = control.registry;
    const c = registryColumns(r);
    const kind = request.kind as ControlKind;
    const key = String(request.asset_key);
    const base = {
      requestId,
      registrationNo: null,
      rank: null,
      registeredFrom: null,
      registeredUntil: null,
      amountFrozen: null,
      reason: null,
      answeredBy,
    };
    let outcome: Omit<Receipt, 'answeredAt'>;
    let promoted: RankChange[] = [];
    const [asset] = (await m.query(
      `SELECT a."${c.id}" AS id, a."${r.ownerColumn}" AS owner FROM "${r.assetTable}" a WHERE ${c.key('a')} = $1 FOR UPDATE`,
      [key],
    )) as Array<{ id: string; owner: string }>;
    const registration = () => answer?.registrationNo || `${r.registrationPrefix}${today.replace(/-/g, '')}-${requestId.slice(0, 8).toUpperCase()}`;
    if (answer?.decision === 'REJECTED') {
      outcome = { ...base, decision: 'REJECTED', reason: answer.reason ?? 'Refused by the agency' };
    } else if (!asset) {
      outcome = { ...base, decision: 'REJECTED', reason: 'NOT_FOUND: no such asset in the registry' };
    } else if (asset.owner !== request.subject_id_number) {
      outcome = { ...base, decision: 'REJECTED', reason: 'NOT_OWNER: the asset is not registered to the subject' };
    } else if (kind === 'SEIZE' || kind === 'FREEZE') {
      // Waiting lists first brought up to date (seizures that lapsed since the last sweep), then this one ranked behind them.
      promoted = await renumber(m, control, today, asset.id);
      const active = `e."${r.assetIdColumn}" = $1 AND ${c.courtMeasure('e')} AND e.released_on IS NULL AND (e.expires_on IS NULL OR e.expires_on >= $2)`;
      const [{ ahead }] = (await m.query(`SELECT count(*)::int AS ahead FROM "${r.encumbranceTable}" e WHERE ${active}`, [
        asset.id,
        today,
      ])) as Array<{
        ahead: number;
      }>;
      const rank = ahead + 1;
      let amountFrozen = (request.amount as string | null) ?? null;
      if (r.balanceColumn && amountFrozen !== null) {
        const facts = await readAsset(m, r, key, today);
        const held = (facts?.seizures ?? []).reduce((sum, s) => sum + Number(s.amount ?? 0), 0);
        const [{ balance }] = (await m.query(`SELECT "${r.balanceColumn}"::text AS balance FROM "${r.assetTable}" WHERE "${c.id}" = $1`, [
          asset.id,
        ])) as Array<{ balance: string }>;
        amountFrozen = Math.max(0, Math.min(Number(amountFrozen), Number(balance) - held)).toFixed(2);
      }
      // A seizure waiting in line (轮候) takes effect, and its period starts, when it reaches the first place.
      const from = rank === 1 ? today : null;
      const until = rank === 1 && request.period_days ? addDays(today, Number(request.period_days) - 1) : null;
      const written: Array<[string | null, unknown]> = [
        [r.assetIdColumn, asset.id],
        [c.kind, r.encumbranceKind[kind]],
        [c.holder, request.court],
        ['case_no', request.case_no],
        [c.amount, kind === 'FREEZE' ? amountFrozen : null],
        [c.registeredOn, today],
        ['expires_on', until],
        ['rank', c.registerRank(rank)],
        ['request_id', requestId],
      ];
      const columns = written.filter((w): w is [string, unknown] => w[0] !== null);
      await m.query(
        `INSERT INTO "${r.encumbranceTable}" (${columns.map(([name]) => `"${name}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
        columns.map(([, value]) => value),
      );
      outcome = {
        ...base,
        decision: 'ACCEPTED',
        registrationNo: registration(),
        rank,
        registeredFrom: from,
        registeredUntil: until,
        amountFrozen: kind === 'FREEZE' ? amountFrozen : null,
      };
    } else if (kind === 'DEDUCT') {
      ({ outcome, promoted } = await deduct(m, control, request, asset.id, today, base, answer));
    } else {
      const [measure] = (await m.query(
        `SELECT id, rank, expires_on::text AS expires_on FROM "${r.encumbranceTable}"
          WHERE request_id = $1 AND released_on IS NULL AND (expires_on IS NULL OR expires_on >= $2) FOR UPDATE`,
        [request.original_request_id, today],
      )) as Array<{ id: string; rank: number | null; expires_on: string | null }>;
      if (measure) measure.rank = c.hubRank(measure.rank);
      if (!measure) {
        outcome = { ...base, decision: 'REJECTED', reason: 'NOT_IN_FORCE: the measure is no longer registered' };
      } else if (kind === 'RENEW') {
        // Renewed before it ends: the new period runs on from the old end (a waiting one keeps waiting).
        const until = measure.expires_on ? addDays(measure.expires_on, Number(request.period_days)) : null;
        await m.query(`UPDATE "${r.encumbranceTable}" SET expires_on = $2 WHERE id = $1`, [measure.id, until]);
        outcome = {
          ...base,
          decision: 'ACCEPTED',
          registrationNo: registration(),
          rank: measure.rank,
          registeredFrom: measure.expires_on ? addDays(measure.expires_on, 1) : null,
          registeredUntil: until,
        };
      } else {
        await m.query(`UPDATE "${r.encumbranceTable}" SET released_on = $2 WHERE id = $1`, [measure.id, today]);
        promoted = await renumber(m, control, today, asset.id);
        outcome = { ...base, decision: 'ACCEPTED', registrationNo: registration(), rank: null };
      }
    }
    const [row] = (await m.query(
      `INSERT INTO assistance_receipt (request_id, decision, registration_no, rank, registered_from, registered_until, amount_frozen, reason, answered_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       RETURNING request_id, decision, registration_no, rank, registered_from::text, registered_until::text, amount_frozen::text, reason, answered_by, answered_at`,
      [
        requestId,
        outcome.decision,
        outcome.registrationNo,
        outcome.rank,
        outcome.registeredFrom,
        outcome.registeredUntil,
        outcome.amountFrozen,
        outcome.reason?.slice(0, 300) ?? null,
        answeredBy,
      ],
    )) as Array<Record<string, unknown>>;
    return { receipt: receiptOf(row), written: true, promoted };
  });
}

/**
 * The waiting lists after seizures ended (released, or lapsed: their period ran out): every seizure in force or
 * waiting is renumbered 1, 2, … in its order; one that reaches 1 takes effect today for its own period. A freeze of
 * a balance that reaches 1 is weighed again: it now holds what it asked, at most the balance less what measures still
 * ranked ahead of it hold (the amount frozen while waiting was what the earlier freezes left, and they are gone).
 * One asset, or all of them (the periodic sweep). Returns the seizures whose place changed.
 */
export async function renumber(db: DataSource | EntityManager, control: SourceControl, today: string, assetId?: string): Promise<RankChange[]> {
  const r = control.registry;
  const c = registryColumns(r);
  const first = c.firstRank;
  type Moved = { id: string; request_id: string | null; rank: number; expires_on: string | null; promoted: boolean; asked: string | null };
  const rows: Moved[] = await db.query(
    `WITH active AS (
       SELECT e.id, e.request_id, e.rank, e.expires_on,
              (row_number() OVER (PARTITION BY e."${r.assetIdColumn}" ORDER BY e.rank NULLS FIRST, e."${c.registeredOn}", e.id) - 1 + ${first})::int AS new_rank
         FROM "${r.encumbranceTable}" e
        WHERE ${c.courtMeasure('e')} AND e.released_on IS NULL AND (e.expires_on IS NULL OR e.expires_on >= $1)
          ${assetId ? `AND e."${r.assetIdColumn}" = $2` : ''}
     ), moved AS (
       SELECT a.id, a.new_rank, i.period_days, i.amount AS asked,
              (a.new_rank = ${first} AND a.expires_on IS NULL AND i.period_days IS NOT NULL) AS promoted
         FROM active a LEFT JOIN assistance_inbox i ON i.request_id = a.request_id
        WHERE a.rank IS DISTINCT FROM a.new_rank
     )
     UPDATE "${r.encumbranceTable}" e
        SET rank = moved.new_rank,
            expires_on = CASE WHEN moved.promoted THEN $1::date + (moved.period_days - 1) ELSE e.expires_on END,
            "${c.registeredOn}" = CASE WHEN moved.promoted THEN $1::date ELSE e."${c.registeredOn}" END
       FROM moved WHERE e.id = moved.id
     RETURNING e.id, e.request_id, e.rank, e.expires_on::text AS expires_on, moved.promoted, moved.asked::text AS asked`,
    assetId ? [today, assetId] : [today],
  );
  // TypeORM returns [rows, count] for UPDATE … RETURNING.
  const list = (Array.isArray(rows[0]) ? rows[0] : rows) as Moved[];
  const changes: RankChange[] = [];
  for (const row of list) {
    if (row.promoted && r.balanceColumn && c.amount && row.asked !== null) await reweigh(db, control, row.id, row.asked, today);
    if (row.request_id === null) continue;
    const rank = c.hubRank(row.rank)!;
    changes.push({ requestId: row.request_id, rank, registeredFrom: rank === 1 ? today : null, registeredUntil: rank === 1 ? row.expires_on : null });
  }
  return changes;
}

/** A freeze now first in line holds what it asked, at most the balance less what measures ranked ahead still hold. */
async function reweigh(db: DataSource | EntityManager, control: SourceControl, freezeId: string, asked: string, today: string): Promise<void> {
  const r = control.registry;
  const c = registryColumns(r);
  await db.query(
    `UPDATE "${r.encumbranceTable}" e
        SET "${c.amount}" = greatest(0, least($2::numeric, a."${r.balanceColumn}" - coalesce((
              SELECT sum(o."${c.amount}") FROM "${r.encumbranceTable}" o
               WHERE o."${r.assetIdColumn}" = e."${r.assetIdColumn}" AND o.id <> e.id AND ${c.courtMeasure('o')} AND o.rank < e.rank
                 AND o.released_on IS NULL AND (o.expires_on IS NULL OR o.expires_on >= $3)), 0)))
       FROM "${r.assetTable}" a
      WHERE e.id = $1 AND a."${c.id}" = e."${r.assetIdColumn}"`,
    [freezeId, asked, today],
  );
}

/**
 * A deduction (扣划) of an amount this case froze: taken from the case's effective freeze on the account (at most what
 * it holds and what the account holds), recorded in the register's deductions naming that freeze, the balance and the freeze reduced by
 * it; a freeze used up is released and the next in line moves up. The receipt's `amountFrozen` is the amount deducted.
 */
async function deduct(
  m: EntityManager,
  control: SourceControl,
  request: Record<string, unknown>,
  assetId: string,
  today: string,
  base: Omit<Receipt, 'decision' | 'answeredAt'>,
  answer?: ManualAnswer,
): Promise<{ outcome: Omit<Receipt, 'answeredAt'>; promoted: RankChange[] }> {
  const r = control.registry;
  const c = registryColumns(r);
  const d = r.deductions;
  if (!d || !c.amount || !r.balanceColumn)
    return { outcome: { ...base, decision: 'REJECTED', reason: 'NOT_POSSIBLE: this register takes no deductions' }, promoted: [] };
  // The freeze named by the request (the request that registered it), else the case's effective freeze on the account.
  const named = request.original_request_id ?? null;
  const [freeze] = (await m.query(
    `SELECT e.id, e."${c.amount}"::text AS amount FROM "${r.encumbranceTable}" e
      WHERE e."${r.assetIdColumn}" = $1 AND e.case_no = $2 AND e.rank = $3 AND ${c.courtMeasure('e')}
        AND e.released_on IS NULL AND (e.expires_on IS NULL OR e.expires_on >= $4) AND ($5::uuid IS NULL OR e.request_id = $5::uuid)
      ORDER BY e."${c.registeredOn}" LIMIT 1 FOR UPDATE`,
    [assetId, request.case_no, c.firstRank, today, named],
  )) as Array<{ id: string; amount: string }>;
  if (!freeze) {
    const reason = named
      ? 'NOT_FROZEN: the freeze named is not in force on the account for this case'
      : 'NOT_FROZEN: this case holds no effective freeze on the account';
    return { outcome: { ...base, decision: 'REJECTED', reason }, promoted: [] };
  }
  const [{ balance }] = (await m.query(`SELECT "${r.balanceColumn}"::text AS balance FROM "${r.assetTable}" WHERE "${c.id}" = $1`, [
    assetId,
  ])) as Array<{
    balance: string;
  }>;
  const cents = (v: unknown) => Math.round(Number(v) * 100);
  const taken = Math.min(cents(request.amount), cents(freeze.amount), cents(balance));
  if (taken <= 0)
    return { outcome: { ...base, decision: 'REJECTED', reason: 'NOTHING_TO_DEDUCT: the frozen amount or the balance is nil' }, promoted: [] };
  const amount = (taken / 100).toFixed(2);
  await m.query(
    `INSERT INTO "${d.table}" ("${d.assetIdColumn}", "${d.court}", case_no, amount, "${d.date}", "${d.freezeIdColumn}") VALUES ($1, $2, $3, $4, $5, $6)`,
    [assetId, request.court, request.case_no, amount, today, freeze.id],
  );
  await m.query(`UPDATE "${r.assetTable}" SET "${r.balanceColumn}" = "${r.balanceColumn}" - $2 WHERE "${c.id}" = $1`, [assetId, amount]);
  const left = cents(freeze.amount) - taken;
  await m.query(
    `UPDATE "${r.encumbranceTable}" SET "${c.amount}" = $2, released_on = CASE WHEN $3 THEN $4::date ELSE released_on END WHERE id = $1`,
    [freeze.id, (left / 100).toFixed(2), left === 0, today],
  );
  const promoted = left === 0 ? await renumber(m, control, today, assetId) : [];
  const registrationNo =
    answer?.registrationNo || `${d.registrationPrefix}${today.replace(/-/g, '')}-${String(request.request_id).slice(0, 8).toUpperCase()}`;
  return { outcome: { ...base, decision: 'ACCEPTED', registrationNo, amountFrozen: amount }, promoted };
}
