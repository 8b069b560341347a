import type { JobHelpers, Task } from 'graphile-worker';
import type { DataSource, EntityManager } from 'typeorm';
import type { ControlRuntime } from './control-runtime';

/** The control tasks (control/control-worker.ts `controlJobs`, run by jobs/job-runner.ts). */
export const TASKS = { deliver: 'control_deliver', process: 'control_process', collect: 'control_collect', sweep: 'control_sweep' } as const;

/** Reschedules of a failing step before it is left to the queue's own backoff (about a day at the one-minute cap). */
const MAX_RESCHEDULES = 1500;

/**
 * Enqueues a job in the caller's transaction (the outbox): the job commits, or rolls back, with the change that
 * needs it. `jobKey` makes a second enqueue of the same step replace the first instead of doubling it. A job in a
 * named queue (`queueName`) waits for the one of that queue running before it (jobs/job-runner.ts).
 */
export async function enqueue(
  m: EntityManager | DataSource,
  task: string,
  payload: Record<string, unknown>,
  jobKey: string,
  runAt?: Date | null,
  queueName?: string,
): Promise<void> {
  await m.query(`SELECT graphile_worker.add_job($1, $2::json, job_key := $3, run_at := $4, max_attempts := 25, queue_name := $5)`, [
    task,
    JSON.stringify(payload),
    jobKey,
    runAt ?? null,
    queueName ?? null,
  ]);
}

/**
 * A failed step (an agency database that is down) is tried again after `retryMs`, doubling up to a minute, through
 * the queue itself: the job completes and a new one with the same key is scheduled, so nothing waits in memory and
 * no job slot is held while an agency is down.
 */
export function retrying(
  runtime: ControlRuntime,
  task: string,
  work: (payload: Record<string, unknown>, helpers: JobHelpers) => Promise<void>,
): Task {
  return async (raw, helpers) => {
    const payload = (raw ?? {}) as Record<string, unknown>;
    try {
      await work(payload, helpers);
    } catch (error) {
      const attempt = Number(payload.attempt ?? 0) + 1;
      // Past a day of retries, the queue's own failure handling takes over: the job stays visible with its error.
      if (attempt > MAX_RESCHEDULES) throw error;
      const delay = Math.min(60_000, runtime.config.retryMs * 2 ** Math.min(attempt - 1, 10));
      helpers.logger.warn(`${task} failed (attempt ${attempt}), retrying in ${delay} ms: ${error instanceof Error ? error.message : error}`);
      await enqueue(
        runtime.hub,
        task,
        { ...payload, attempt },
        `${task}:${String(payload.orderId ?? payload.bankruptcyCaseId ?? 'all')}:retry`,
        new Date(Date.now() + delay),
      );
    }
  };
}
