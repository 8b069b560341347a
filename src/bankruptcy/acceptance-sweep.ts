import { dateOf } from '../control/clock';
import { CONTROLLABLE, type ControlRuntime } from '../control/control-runtime';
import { registryColumns, type SourceControl } from '../control/source-control';
import type { SourceName } from '../sources/source-name';
import { debtorStepCase, type AcceptedCase } from './acceptance';
import { insertTasks, type NewTask } from './release-tasks';
import { bankruptcyAuditDraft, recordSteps, SYSTEM } from './steps';

/** A court measure an agency's registry holds on the debtor's asset that was not made through the hub. */
export interface OutsideMeasure {
  id: string;
  assetKey: string;
  holder: string;
  caseNo: string | null;
  amount: string | null;
  registeredOn: string | null;
  expiresOn: string | null;
}

/**
 * The measures in force or waiting that one registry holds on the debtor's assets and that no hub order registered
 * (`request_id` empty): read through the source's `ControlRegistry` description, so every controllable source is
 * swept by the same query.
 */
export async function outsideMeasures(
  runtime: ControlRuntime,
  source: SourceName,
  control: SourceControl,
  debtorIdNumber: string,
): Promise<OutsideMeasure[]> {
  const r = control.registry;
  const c = registryColumns(r);
  const db = await runtime.sourceDatabases[source].ready();
  const amount = c.amount ? `e."${c.amount}"::text` : 'NULL';
  return db.query(
    `SELECT e.id::text AS id, ${c.key('a')} AS "assetKey", e."${c.holder}" AS holder, e.case_no AS "caseNo", ${amount} AS amount,
            e."${c.registeredOn}"::text AS "registeredOn", e.expires_on::text AS "expiresOn"
       FROM "${r.encumbranceTable}" e JOIN "${r.assetTable}" a ON a."${c.id}" = e."${r.assetIdColumn}"
      WHERE a."${r.ownerColumn}" = $1 AND ${c.courtMeasure('e')} AND e.released_on IS NULL
        AND (e.expires_on IS NULL OR e.expires_on >= $2) AND e.request_id IS NULL
      ORDER BY e."${c.registeredOn}", e.id`,
    [debtorIdNumber, dateOf(runtime.clock.now())],
  );
}

/**
 * The registry half of the acceptance sweep (job `bankruptcy_sweep`): every controllable source is asked for the
 * measures it holds on the debtor from outside the hub; each gets a release task addressed to the court named in
 * the registry when the hub knows a court of that name, else to the accepting court, with the registry's details.
 * Idempotent (tasks are keyed by measure); a source that is down fails the job, which the queue retries.
 */
export async function sweepRegistries(runtime: ControlRuntime, bankruptcyCaseId: string): Promise<number> {
  const [b] = (await runtime.hub.query(
    `SELECT b.id, b.case_no AS "caseNo", b.court_id AS "courtId", b.debtor_id AS "debtorId", b.accepted_on::text AS "acceptedOn", s.id_number AS "idNumber"
       FROM bankruptcy_case b JOIN subject s ON s.id = b.debtor_id WHERE b.id = $1`,
    [bankruptcyCaseId],
  )) as Array<AcceptedCase & { idNumber: string }>;
  if (!b) return 0;
  const found: NewTask[] = [];
  const failed: string[] = [];
  for (const [source, control] of Object.entries(CONTROLLABLE)) {
    let measures: OutsideMeasure[];
    try {
      measures = await outsideMeasures(runtime, source as SourceName, control!, b.idNumber);
    } catch {
      failed.push(source);
      continue;
    }
    for (const e of measures) {
      const [court] = (await runtime.hub.query(`SELECT id FROM organisation WHERE kind = 'COURT' AND name = $1 AND disabled_at IS NULL`, [
        e.holder,
      ])) as Array<{
        id: string;
      }>;
      const assetClass = control!.classOf(e.assetKey);
      found.push({
        measureKey: `registry:${source}:${e.id}`,
        source,
        assetKey: e.assetKey,
        measureKind: ['DEPOSIT', 'HOUSING_FUND', 'EQUITY'].includes(assetClass) ? 'FREEZE' : 'SEIZE',
        controlOrderId: null,
        orderingCourtId: court?.id ?? null,
        orderingCourtName: e.holder,
        orderingCaseNo: e.caseNo,
        addressedCourtId: court?.id ?? b.courtId,
        registryDetails: [
          `${e.holder}`,
          e.caseNo ? `案号${e.caseNo}` : null,
          e.amount ? `金额${e.amount}元` : null,
          e.registeredOn ? `登记${e.registeredOn}` : null,
          e.expiresOn ? `至${e.expiresOn}` : null,
        ]
          .filter(Boolean)
          .join('，'),
      });
    }
  }
  const added = await runtime.hub.transaction(async (m) => {
    const stepCase = await debtorStepCase(m, b);
    const n = await insertTasks(m, runtime, b, stepCase, found);
    await recordSteps(runtime, [bankruptcyAuditDraft(stepCase, 'REGISTRY_SWEEP', SYSTEM, { found: found.length, added: n, unavailable: failed })]);
    return n;
  });
  // Sources that were down are swept again: the job fails and the queue retries it (the found tasks are kept).
  if (failed.length > 0) throw new Error(`registries unavailable for the acceptance sweep: ${failed.join(', ')}`);
  return added;
}
