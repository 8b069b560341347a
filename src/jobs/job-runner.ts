import { Logger, run, runMigrations, type Runner, type TaskList } from 'graphile-worker';
import { Pool } from 'pg';
import type { JobsConfig } from '../config';
import type { Logger as AppLogger } from '../observability/logger';

/**
 * What a feature hands the job runner: its tasks by name (the names jobs are enqueued under, which jobs already in
 * the queue carry) and its crontab lines.
 */
export interface JobFeature {
  name: string;
  tasks: TaskList;
  crontab?: string[];
}

/** The job runner's own connections to the hub database: the LISTEN connection, the cron, one per job fetched. */
export function jobQueuePool(url: string, concurrency: number): Pool {
  const pool = new Pool({ connectionString: url, max: Math.max(8, concurrency + 2), application_name: 'fuyuantong-jobs' });
  // An idle connection dropped by the server; the next use reconnects.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** The job queue's tables (schema graphile_worker) in the hub database; add_job must exist before the first approval. */
export async function migrateJobQueue(pool: Pool): Promise<void> {
  await runMigrations({ pgPool: pool, logger: jobLogger() });
}

/** graphile-worker's errors and warnings into the hub's log (tagged `worker`); the rest is dropped. */
function jobLogger(log?: AppLogger): Logger {
  return new Logger(() => (level, message) => {
    if (!log) return;
    if (level === 'error') log.error({ worker: true }, message);
    else if (level === 'warning') log.warn({ worker: true }, message);
  });
}

/** Every feature's tasks in one list; a name claimed twice is a wiring mistake and stops start-up. */
export function taskListOf(features: readonly JobFeature[]): TaskList {
  const tasks: TaskList = {};
  const owner = new Map<string, string>();
  for (const feature of features) {
    for (const [name, task] of Object.entries(feature.tasks)) {
      if (owner.has(name)) throw new Error(`job task ${name} is registered by both ${owner.get(name)} and ${feature.name}`);
      owner.set(name, feature.name);
      tasks[name] = task;
    }
  }
  return tasks;
}

export interface JobRunner {
  /** Stops taking jobs and waits for the running ones to finish. */
  stop(): Promise<void>;
}

/**
 * The one job runner of a hub process (graphile-worker on the hub database): every feature's tasks, one crontab,
 * `JOB_CONCURRENCY` jobs at once, stopped with the hub.
 *
 * Jobs run in the order they became due (then by priority), whatever their feature. Control and bankruptcy steps
 * are short: a step whose agency is down completes at once and is enqueued again for later (control/control-jobs.ts
 * `retrying`), so they never hold a slot long. A batch of dishonest-list checks may run for minutes (100,000 lines
 * against the credit source); so that batches never starve deliveries and receipts, every check job is enqueued in
 * one of two named queues (`CHECK_QUEUES` in checks/dishonest-check.service.ts), and graphile-worker runs a named
 * queue's jobs one at a time: at most two check jobs run at once, and with the concurrency at least three (default
 * six) the other jobs always have the rest of the slots (by default four, as when the checks had a runner of their
 * own with two slots beside the control runner's four).
 */
export async function startJobRunner(
  features: readonly JobFeature[],
  pool: Pool,
  options: { config: JobsConfig; pollIntervalMs: number; log?: AppLogger },
): Promise<JobRunner> {
  const crontab = features.flatMap((f) => f.crontab ?? []);
  const runner: Runner = await run({
    pgPool: pool,
    concurrency: options.config.concurrency,
    noHandleSignals: true,
    pollInterval: options.pollIntervalMs,
    logger: jobLogger(options.log),
    taskList: taskListOf(features),
    ...(crontab.length > 0 ? { crontab: crontab.join('\n') } : {}),
  });
  return { stop: () => runner.stop() };
}
