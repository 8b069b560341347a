/** The worker's bankruptcy tasks (registered beside the control tasks in control/control-worker.ts). */
export const BANKRUPTCY_TASKS = { sweep: 'bankruptcy_sweep', deadlines: 'bankruptcy_deadlines' } as const;
