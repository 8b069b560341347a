/** One measure of a case as the over-seizure check weighs it. */
export interface WeighedMeasure {
  id: string;
  /** What it secures toward the claim in yuan: a frozen amount, or a seized asset's value net of mortgages and earlier seizures; null when unknown. */
  covers: number | null;
}

export interface OverSeizureVerdict {
  over: boolean;
  claim: number;
  covered: number;
  unknown: number;
}

/**
 * 超标的查封 (seed 004 item 9): a measure is not needed when the case's other measures in force or pending already
 * cover the amount due plus costs. Measures whose value is unknown count for nothing (they cannot show the claim is
 * covered), so a single asset worth more than the claim is allowed whenever nothing else covers it.
 */
export function weighOverSeizure(amountDue: number, costRate: number, others: WeighedMeasure[]): OverSeizureVerdict {
  const claim = Math.round(amountDue * (1 + costRate) * 100) / 100;
  const known = others.filter((m) => m.covers !== null);
  const covered = Math.round(known.reduce((sum, m) => sum + Math.max(0, m.covers!), 0) * 100) / 100;
  return { over: covered >= claim, claim, covered, unknown: others.length - known.length };
}
