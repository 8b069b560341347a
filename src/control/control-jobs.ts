import type { DataSource, EntityManager } from 'typeorm';

/** The worker's tasks (control/control-worker.ts). */
export const TASKS = { deliver: 'control_deliver', process: 'control_process', collect: 'control_collect', sweep: 'control_sweep' } as const;

/**
 * Enqueues a job in the caller's transaction (the outbox): the job commits, or rolls back, with the change that
 * needs it. `jobKey` makes a second enqueue of the same step replace the first instead of doubling it.
 */
export async function enqueue(
  m: EntityManager | DataSource,
  task: string,
  payload: Record<string, unknown>,
  jobKey: string,
  runAt?: Date,
): Promise<void> {
  await m.query(`SELECT graphile_worker.add_job($1, $2::json, job_key := $3, run_at := $4, max_attempts := 25)`, [
    task,
    JSON.stringify(payload),
    jobKey,
    runAt ?? null,
  ]);
}
