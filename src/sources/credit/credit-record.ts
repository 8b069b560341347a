import type { CreditBundle } from './credit.connector';
import type { CreditRecord } from './credit.type';

export function toCreditRecord(b: CreditBundle): CreditRecord {
  return { ...b, dishonest: b.dishonestEntries.some((e) => e.removedOn === null) };
}
