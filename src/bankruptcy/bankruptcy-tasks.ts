/** The bankruptcy inbox tasks (bankruptcy/bankruptcy-jobs.ts), run by the hub's one job runner (jobs/job-runner.ts). */
export const BANKRUPTCY_TASKS = { deliver: 'bankruptcy_deliver', process: 'bankruptcy_process', collect: 'bankruptcy_collect' } as const;

/** What a bankruptcy job is about: a claim notice (the claim's id) or one agency's part of a credit repair (the delivery's id). */
export interface BankruptcyJob {
  kind: 'CLAIM_NOTICE' | 'CREDIT_REPAIR';
  id: string;
}
