// The hub variants the benchmarks set beside each other (`npm run bench`, `npm run bench:cpu`), and what each part
// costs is read from.

export const FULL = 'full hub';
export const NO_AUTHORIZATION = 'hub, authorization off';
export const NO_AUDIT = 'hub, audit off';
export const BARE = 'hub, authorization and audit off';

/**
 * The hub variants, each the full hub less what its benchmark-only switches (refused in production) take away:
 * SHIELD_DISABLED_FOR_BENCHMARK removes graphql-shield and masking, AUDIT_DISABLED_FOR_BENCHMARK the audit log and
 * its field middleware; the plan of which fields run without middleware is the same in all of them.
 */
export const HUB_VARIANTS: Array<{ scenario: string; env: Record<string, string> }> = [
  { scenario: FULL, env: {} },
  { scenario: NO_AUTHORIZATION, env: { SHIELD_DISABLED_FOR_BENCHMARK: 'true' } },
  { scenario: NO_AUDIT, env: { AUDIT_DISABLED_FOR_BENCHMARK: 'true' } },
  { scenario: BARE, env: { SHIELD_DISABLED_FOR_BENCHMARK: 'true', AUDIT_DISABLED_FOR_BENCHMARK: 'true' } },
];

export type CostPart = 'authorization' | 'audit' | 'authorization and audit';

/** What each part costs: the variant without it against the full hub. */
export const COSTS: Array<{ part: CostPart; without: string }> = [
  { part: 'authorization', without: NO_AUTHORIZATION },
  { part: 'audit', without: NO_AUDIT },
  { part: 'authorization and audit', without: BARE },
];

/** CPU milliseconds per inquiry of one server: the hub process's and PostgreSQL's. */
export interface CpuPerInquiry {
  server: number;
  postgres: number;
}

/**
 * What the part a variant switches off adds to the full hub's CPU per inquiry, round by round: each round's full hub
 * against the variant of the same round (the machine's pace drifts between rounds far more than within one), in
 * milliseconds for the hub process and PostgreSQL, and as a share of the full hub's total. Rounds that lack either
 * server are left out.
 */
export function addedCpu(
  rounds: Array<Record<string, CpuPerInquiry | undefined>>,
  without: string,
): { server: number[]; postgres: number[]; share: number[] } {
  const added = { server: [] as number[], postgres: [] as number[], share: [] as number[] };
  for (const round of rounds) {
    const full = round[FULL];
    const variant = round[without];
    if (!full || !variant) continue;
    added.server.push(full.server - variant.server);
    added.postgres.push(full.postgres - variant.postgres);
    added.share.push((full.server + full.postgres - variant.server - variant.postgres) / (full.server + full.postgres));
  }
  return added;
}
