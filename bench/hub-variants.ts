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

/** The median (the mean of the middle two of an even count; NaN for none). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
