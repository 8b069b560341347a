import type DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import { sourceUnavailable } from '../schema/error-codes';
import type { SourceOutcome } from '../sources/source-connector';

/**
 * A source's answer for one ID number (a case party, or a person linked to one). The source's status goes on the
 * request's audit record for that ID number, so each entry lists exactly the sources consulted for its subject.
 */
export async function sourceOutcome<T>(ctx: RequestContext, loader: DataLoader<string, SourceOutcome<T>>, idNumber: string): Promise<SourceOutcome<T>> {
  const outcome = await loader.load(idNumber);
  ctx.audit?.sourceAnswered(idNumber, outcome.status);
  return outcome;
}

/** The source value for an ID number, or SOURCE_UNAVAILABLE at this field when that source failed. */
export async function fromSource<T>(ctx: RequestContext, loader: DataLoader<string, SourceOutcome<T>>, idNumber: string): Promise<T> {
  const outcome = await sourceOutcome(ctx, loader, idNumber);
  if (outcome.value === null) throw sourceUnavailable(outcome.status.source, outcome.status.state);
  return outcome.value;
}
