/** The acceptance sweep and the deadlines (registered with the other bankruptcy tasks in bankruptcy/bankruptcy-jobs.ts). */
export const BANKRUPTCY_TASKS = { sweep: 'bankruptcy_sweep', deadlines: 'bankruptcy_deadlines' } as const;
