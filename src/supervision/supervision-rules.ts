import type { DataSource } from 'typeorm';
import { addDays, dateOf } from '../control/clock';
import { ORDER_SELECT, type ControlOrderRow } from '../control/control-orders';
import { CONTROLLABLE, type ControlRuntime } from '../control/control-runtime';
import { answerDueAt, overdueAnswerCondition } from '../control/overdue-answers';
import { weighOverSeizure, type WeighedMeasure } from '../control/over-seizure';
import { readAsset, type AssetFacts, type SourceControl } from '../control/source-control';
import { isOverdue, OPEN_TASK_SQL } from '../bankruptcy/release-tasks';
import { parseCaseNo } from '../ids/case-number';
import type { SourceName } from '../sources/source-name';
import { readRegisterMeasures, type RegisterMeasure, type RegisterSelection } from './register-measures';
import type { SupervisionItem, SupervisionKind } from './supervision-item';

/** What every rule works with: the databases and settings, today, and the court the viewer may supervise (null: all). */
export interface RuleScope {
  runtime: ControlRuntime;
  now: Date;
  today: string;
  courtCode: string | null;
  /** Sources whose register could not be read; their register rows are missing from this answer. */
  unavailable: Set<string>;
}

type Rule = (scope: RuleScope) => Promise<SupervisionItem[]>;
type ItemFacts = Omit<SupervisionItem, 'daysOverdue' | 'auditCaseNo' | 'auditSeqs' | 'courtName' | 'courtCode'> & {
  courtName?: string | null;
  /** The court the item is about, when it is not the one in the case number. */
  courtCode?: string;
};

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
const courtOf = (caseNo: string) => parseCaseNo(caseNo)?.courtCode ?? '';
const legalMax = (source: string, assetClass: string) => CONTROLLABLE[source as SourceName]?.assets[assetClass as never]?.['maxPeriodDays'] ?? null;

function item(scope: RuleScope, facts: ItemFacts): SupervisionItem {
  return {
    ...facts,
    courtCode: facts.courtCode ?? courtOf(facts.caseNo),
    courtName: facts.courtName ?? null,
    daysOverdue: Math.max(0, daysBetween(facts.since, scope.today)),
    auditCaseNo: facts.caseNo,
    auditSeqs: [],
  };
}

function orderFacts(o: ControlOrderRow) {
  return {
    caseNo: o.caseNo,
    courtName: o.courtName,
    source: o.source,
    assetClass: o.assetClass,
    orderId: o.id,
    orderKind: o.kind,
    orderState: o.state,
    registrationNo: o.registrationNo,
    subjectKind: o.subjectKind,
    subjectIdNumber: o.subjectIdNumber,
    subjectName: o.subjectName,
    amount: o.amountFrozen ?? o.amount,
    claim: null,
    covered: null,
    startedOn: o.registeredFrom,
    endsOn: o.registeredUntil,
    legalMaxDays: legalMax(o.source, o.assetClass),
  };
}

/** The registers of every controllable source, read in parallel; a source that cannot be read is noted, not fatal. */
async function readRegisters(scope: RuleScope, selection: (control: SourceControl) => RegisterSelection): Promise<RegisterMeasure[]> {
  const lists = await Promise.all(
    Object.entries(CONTROLLABLE).map(async ([source, control]) => {
      try {
        const db = await scope.runtime.sourceDatabases[source as SourceName].ready();
        return await readRegisterMeasures(db, source, control!, scope.today, selection(control!));
      } catch {
        scope.unavailable.add(source);
        return [];
      }
    }),
  );
  return lists.flat().filter((m) => m.caseNo && (!scope.courtCode || courtOf(m.caseNo) === scope.courtCode));
}

/** The hub's subjects and courts by ID number and code, for register rows (which name an owner and a court only). */
async function namesOf(hub: DataSource, idNumbers: string[], courtCodes: string[]) {
  const subjects: Array<{ id_number: string; kind: string; name: string }> = idNumbers.length
    ? await hub.query(`SELECT id_number, kind, name FROM subject WHERE id_number = ANY($1)`, [idNumbers])
    : [];
  const courts: Array<{ code: string; name: string }> = courtCodes.length
    ? await hub.query(`SELECT code, name FROM organisation WHERE code = ANY($1)`, [courtCodes])
    : [];
  return { subjects: new Map(subjects.map((s) => [s.id_number, s])), courts: new Map(courts.map((c) => [c.code, c.name])) };
}

async function registerItems(
  scope: RuleScope,
  kind: SupervisionKind,
  rows: Array<{ m: RegisterMeasure; extra: Partial<ItemFacts> & { since: string } }>,
) {
  const hubOrders: Array<{ id: string; kind: string; state: string; registration_no: string | null }> = rows.some((r) => r.m.requestId)
    ? await scope.runtime.hub.query(`SELECT id::text, kind, state, registration_no FROM control_order WHERE id::text = ANY($1)`, [
        rows.map((r) => r.m.requestId).filter(Boolean),
      ])
    : [];
  const orders = new Map(hubOrders.map((o) => [o.id, o]));
  const names = await namesOf(
    scope.runtime.hub,
    [...new Set(rows.map((r) => r.m.ownerIdNumber))],
    [...new Set(rows.map((r) => courtOf(r.m.caseNo!)))],
  );
  return rows.map(({ m, extra }) => {
    const order = m.requestId ? orders.get(m.requestId) : undefined;
    const subject = names.subjects.get(m.ownerIdNumber);
    return item(scope, {
      id: `${kind}:${m.source}:${m.rowId}`,
      kind,
      caseNo: m.caseNo!,
      courtName: names.courts.get(courtOf(m.caseNo!)) ?? m.holder,
      source: m.source,
      assetClass: m.assetClass,
      orderId: order ? m.requestId : null,
      orderKind: order?.kind ?? null,
      orderState: order?.state ?? null,
      registrationNo: order?.registration_no ?? null,
      subjectKind: subject?.kind ?? null,
      subjectIdNumber: m.ownerIdNumber,
      subjectName: subject?.name ?? null,
      amount: m.amount,
      claim: null,
      covered: null,
      startedOn: m.registeredOn,
      endsOn: m.expiresOn,
      legalMaxDays: legalMax(m.source, m.assetClass),
      ...extra,
    });
  });
}

/**
 * Measures past their legal period: the hub's orders still ACTIVE after their registered end with no renewal in force
 * (the sweep has not lapsed them), and register rows in force whose period exceeds the legal maximum of their class
 * (each renewal the hub recorded for that measure allows one more maximum) or that have no end while effective and
 * were registered longer ago than the maximum.
 */
async function measuresPastPeriod(scope: RuleScope): Promise<SupervisionItem[]> {
  const hub = scope.runtime.hub;
  const params: unknown[] = [scope.today];
  let court = '';
  if (scope.courtCode) {
    params.push(scope.courtCode);
    court = `AND court.code = $2`;
  }
  const orders: ControlOrderRow[] = await hub.query(
    `${ORDER_SELECT} WHERE o.state = 'ACTIVE' AND o.registered_until < $1::date ${court}
        AND NOT EXISTS (SELECT 1 FROM control_order r WHERE r.parent_id = o.id AND r.kind = 'RENEW' AND r.state IN ('ACTIVE', 'RENEWED'))`,
    params,
  );
  const fromOrders = orders.map((o) =>
    item(scope, { id: `MEASURE_PAST_PERIOD:order:${o.id}`, kind: 'MEASURE_PAST_PERIOD', ...orderFacts(o), since: addDays(o.registeredUntil!, 1) }),
  );

  const shortest = (control: SourceControl) => Math.min(...Object.values(control.assets).map((a) => a.maxPeriodDays));
  const candidates = await readRegisters(scope, (control) => ({ pastDays: shortest(control) }));
  const requestIds = candidates.map((m) => m.requestId).filter((id): id is string => !!id);
  const renewals = new Map<string, number>();
  if (requestIds.length) {
    const rows: Array<{ root: string; renewals: number }> = await hub.query(
      `WITH RECURSIVE chain AS (
         SELECT id, id AS root FROM control_order WHERE id::text = ANY($1)
         UNION ALL
         SELECT c.id, chain.root FROM control_order c JOIN chain ON c.parent_id = chain.id WHERE c.kind = 'RENEW' AND c.state IN ('ACTIVE', 'RENEWED'))
       SELECT root::text AS root, (count(*) - 1)::int AS renewals FROM chain GROUP BY root`,
      [requestIds],
    );
    for (const r of rows) renewals.set(r.root, r.renewals);
  }
  const past: Array<{ m: RegisterMeasure; extra: { since: string } }> = [];
  for (const m of candidates) {
    const max = legalMax(m.source, m.assetClass);
    if (max === null || !m.registeredOn) continue;
    if (m.expiresOn === null) {
      if (addDays(m.registeredOn, max) <= scope.today) past.push({ m, extra: { since: addDays(m.registeredOn, max) } });
    } else if (daysBetween(m.registeredOn, m.expiresOn) + 1 > max * (1 + (m.requestId ? (renewals.get(m.requestId) ?? 0) : 0))) {
      past.push({ m, extra: { since: m.registeredOn } });
    }
  }
  return [...fromOrders, ...(await registerItems(scope, 'MEASURE_PAST_PERIOD', past))];
}

/**
 * Over-seizure in the registers (the rule of control/over-seizure.ts applied to what they hold): a case's court
 * measures in force, in the order they were registered; a measure is over the amount when the ones registered before
 * it already covered the claim. A freeze of a balance counts its amount; a seizure its asset's reference value less
 * the mortgages and the seizures ranked before it (an earlier one of unknown amount leaves it nothing).
 */
async function overSeizures(scope: RuleScope): Promise<SupervisionItem[]> {
  const params: unknown[] = [];
  let court = '';
  if (scope.courtCode) {
    params.push(scope.courtCode);
    court = `AND court.code = $1`;
  }
  const cases: Array<{ case_no: string; amount_due: string }> = await scope.runtime.hub.query(
    `SELECT c.case_no, c.amount_due::text AS amount_due FROM execution_case c JOIN organisation court ON court.id = c.court_id
      WHERE c.status = 'ACTIVE' ${court}`,
    params,
  );
  const due = new Map(cases.map((c) => [c.case_no, Number(c.amount_due)]));
  const measures = await readRegisters(scope, () => ({ caseNos: [...due.keys()] }));
  const byCase = new Map<string, RegisterMeasure[]>();
  for (const m of measures) byCase.set(m.caseNo!, [...(byCase.get(m.caseNo!) ?? []), m]);

  const facts = new Map<string, Promise<AssetFacts | null>>();
  const factsOf = (m: RegisterMeasure) => {
    const key = `${m.source}|${m.assetKey}`;
    if (!facts.has(key)) {
      const control = CONTROLLABLE[m.source as SourceName]!;
      facts.set(
        key,
        scope.runtime.sourceDatabases[m.source as SourceName]
          .ready()
          .then((db) => readAsset(db, control.registry, m.assetKey, scope.today))
          .catch(() => null),
      );
    }
    return facts.get(key)!;
  };
  const coverOf = async (m: RegisterMeasure): Promise<number | null> => {
    if (CONTROLLABLE[m.source as SourceName]!.registry.balanceColumn) return m.amount === null ? null : Number(m.amount);
    const f = await factsOf(m);
    if (!f || f.value === null) return null;
    const ahead = f.seizures.filter((s) => s.rank !== null && m.rank !== null && s.rank < m.rank);
    if (ahead.some((s) => s.amount === null)) return 0;
    return Number(f.value) - Number(f.mortgages) - ahead.reduce((sum, s) => sum + Number(s.amount), 0);
  };

  const over: Array<{ m: RegisterMeasure; extra: { since: string; claim: string; covered: string } }> = [];
  for (const [caseNo, list] of byCase) {
    list.sort(
      (a, b) => (a.registeredOn ?? '9999').localeCompare(b.registeredOn ?? '9999') || (a.rank ?? 0) - (b.rank ?? 0) || a.rowId.localeCompare(b.rowId),
    );
    const earlier: WeighedMeasure[] = [];
    for (const m of list) {
      const verdict = weighOverSeizure(due.get(caseNo)!, scope.runtime.config.costRate, earlier);
      if (verdict.over && m.registeredOn) {
        over.push({ m, extra: { since: m.registeredOn, claim: verdict.claim.toFixed(2), covered: verdict.covered.toFixed(2) } });
      }
      earlier.push({ id: `${m.source}:${m.rowId}`, covers: await coverOf(m) });
    }
  }
  return registerItems(scope, 'OVER_SEIZURE', over);
}

/**
 * Agencies' answers past their deadline: the control module's rule (control/overdue-answers.ts, README "Asset control",
 * Overdue answers), the same orders the court is told about and `overdueControlOrders` lists.
 */
async function answersOverdue(scope: RuleScope): Promise<SupervisionItem[]> {
  const days = scope.runtime.config.answerDays;
  const params: unknown[] = [scope.now, days];
  let court = '';
  if (scope.courtCode) {
    params.push(scope.courtCode);
    court = `AND court.code = $3`;
  }
  const orders: ControlOrderRow[] = await scope.runtime.hub.query(
    `${ORDER_SELECT} WHERE ${overdueAnswerCondition('o', '$1', '$2')} ${court}`,
    params,
  );
  return orders.map((o) =>
    item(scope, {
      id: `ANSWER_OVERDUE:order:${o.id}`,
      kind: 'ANSWER_OVERDUE',
      ...orderFacts(o),
      startedOn: dateOf(new Date(o.sentAt!)),
      since: dateOf(answerDueAt(new Date(o.sentAt!), days)),
    }),
  );
}

/**
 * Release tasks past their due date (bankruptcy/release-tasks.ts, the rule of `isOverdue` and of
 * `overdueReleaseTasks`): a measure on the debtor's asset that the addressed court has not released within the ten
 * working days after the bankruptcy acceptance. The item is the addressed court's; its case is the one that ordered
 * the measure (else the bankruptcy case), its subject the debtor.
 */
async function releasesOverdueAfterAcceptance(scope: RuleScope): Promise<SupervisionItem[]> {
  const params: unknown[] = [scope.today];
  let court = '';
  if (scope.courtCode) {
    params.push(scope.courtCode);
    court = `AND ac.code = $2`;
  }
  const tasks: Array<{
    id: string;
    source: string;
    asset_key: string;
    measure_kind: string;
    state: string;
    due_on: string;
    created_at: Date;
    case_no: string;
    court_code: string;
    court_name: string;
    subject_kind: string | null;
    subject_id_number: string | null;
    subject_name: string | null;
    order_id: string | null;
    order_kind: string | null;
    order_state: string | null;
    registration_no: string | null;
    registered_from: string | null;
    registered_until: string | null;
  }> = await scope.runtime.hub.query(
    `SELECT t.id::text AS id, t.source, t.asset_key, t.measure_kind, t.state, t.due_on::text AS due_on, t.created_at,
            coalesce(t.ordering_case_no, b.case_no) AS case_no, ac.code AS court_code, ac.name AS court_name,
            s.kind AS subject_kind, s.id_number AS subject_id_number, s.name AS subject_name,
            o.id::text AS order_id, o.kind AS order_kind, o.state AS order_state, o.registration_no,
            o.registered_from::text AS registered_from, o.registered_until::text AS registered_until
       FROM release_task t
       JOIN bankruptcy_case b ON b.id = t.bankruptcy_case_id
       JOIN organisation ac ON ac.id = t.addressed_court_id
       LEFT JOIN subject s ON s.id = b.debtor_id
       LEFT JOIN control_order o ON o.id = t.control_order_id
      WHERE t.state IN ${OPEN_TASK_SQL} AND t.due_on < $1::date ${court}`,
    params,
  );
  return tasks
    .filter((t) => isOverdue({ state: t.state, dueOn: t.due_on }, scope.today))
    .map((t) => {
      const control = CONTROLLABLE[t.source as SourceName];
      const assetClass = control ? control.classOf(t.asset_key) : t.measure_kind;
      return item(scope, {
        id: `RELEASE_OVERDUE_AFTER_ACCEPTANCE:task:${t.id}`,
        kind: 'RELEASE_OVERDUE_AFTER_ACCEPTANCE',
        caseNo: t.case_no,
        courtCode: t.court_code,
        courtName: t.court_name,
        source: t.source,
        assetClass,
        orderId: t.order_id,
        orderKind: t.order_kind,
        orderState: t.order_state,
        registrationNo: t.registration_no,
        subjectKind: t.subject_kind,
        subjectIdNumber: t.subject_id_number,
        subjectName: t.subject_name,
        amount: null,
        claim: null,
        covered: null,
        startedOn: dateOf(new Date(t.created_at)),
        endsOn: t.due_on,
        legalMaxDays: legalMax(t.source, assetClass),
        since: addDays(t.due_on, 1),
      });
    });
}

/** States in which an order is on its way to the agency: submitted, approved or sent, not yet answered. */
const UNDER_WAY = ['PENDING_APPROVAL', 'APPROVED', 'SENT'];

/**
 * Control orders against the execution of a suspended case (执行中止, execution_suspension): an order other than a
 * release drafted while the case was suspended (the hub refuses such a draft now; this finds those made before or by
 * another path), since the day drafted; and an order other than a release still under way (submitted, approved or
 * sent) while its case is suspended now, since the day of the suspension. A suspension ends when execution resumes or
 * is terminated. A release is what a suspension asks for.
 */
async function ordersOnSuspendedCases(scope: RuleScope): Promise<SupervisionItem[]> {
  // A suspension ends when execution resumes (恢复执行) or is terminated (终结).
  const hits: Array<{ id: string; since: Date }> = await scope.runtime.hub.query(
    `SELECT o.id::text AS id,
            min(CASE WHEN o.created_at >= s.suspended_at AND (s.ended_at IS NULL OR o.created_at < s.ended_at)
                     THEN o.created_at ELSE s.suspended_at END) AS since
       FROM control_order o
       JOIN (SELECT execution_case_id, suspended_at, coalesce(resumed_at, terminated_at) AS ended_at FROM execution_suspension) s
         ON s.execution_case_id = o.case_id
      WHERE o.kind <> 'RELEASE'
        AND ((o.created_at >= s.suspended_at AND (s.ended_at IS NULL OR o.created_at < s.ended_at))
          OR (o.state = ANY($1) AND s.ended_at IS NULL AND s.suspended_at <= $2::timestamptz))
      GROUP BY o.id`,
    [UNDER_WAY, scope.now],
  );
  if (hits.length === 0) return [];
  const params: unknown[] = [hits.map((h) => h.id)];
  let court = '';
  if (scope.courtCode) {
    params.push(scope.courtCode);
    court = `AND court.code = $2`;
  }
  const orders: ControlOrderRow[] = await scope.runtime.hub.query(`${ORDER_SELECT} WHERE o.id::text = ANY($1) ${court}`, params);
  const since = new Map(hits.map((h) => [h.id, dateOf(new Date(h.since))]));
  return orders.map((o) =>
    item(scope, {
      id: `ORDER_ON_SUSPENDED_CASE:order:${o.id}`,
      kind: 'ORDER_ON_SUSPENDED_CASE',
      ...orderFacts(o),
      since: since.get(o.id)!,
    }),
  );
}

/** One function per kind: supervision runs those of the kinds asked for. */
export const SUPERVISION_RULES: Record<SupervisionKind, Rule> = {
  MEASURE_PAST_PERIOD: measuresPastPeriod,
  OVER_SEIZURE: overSeizures,
  ANSWER_OVERDUE: answersOverdue,
  RELEASE_OVERDUE_AFTER_ACCEPTANCE: releasesOverdueAfterAcceptance,
  ORDER_ON_SUSPENDED_CASE: ordersOnSuspendedCases,
};
