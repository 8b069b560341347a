import type DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import { sourceUnavailable } from '../schema/error-codes';
import type { SourceOutcome } from './source-connector';
import type { SourceLoaders } from './sources';

type ValueOf<L> = L extends DataLoader<string, SourceOutcome<infer T>> ? T : never;

/**
 * A source's answer for one ID number (a case party, or a person linked to one). The source's status goes on the
 * request's audit record for that ID number, so each entry lists exactly the sources consulted for its subject.
 */
export async function sourceOutcome<K extends keyof SourceLoaders>(
  ctx: RequestContext,
  lookup: K,
  idNumber: string,
): Promise<SourceOutcome<ValueOf<SourceLoaders[K]>>> {
  const outcome = await (ctx.loaders[lookup] as DataLoader<string, SourceOutcome<unknown>>).load(idNumber);
  ctx.audit?.sourceAnswered(idNumber, outcome.status);
  return outcome as SourceOutcome<ValueOf<SourceLoaders[K]>>;
}

/**
 * The one way a resolver obtains a source's value for a subject: the request's batched lookup, or
 * SOURCE_UNAVAILABLE at this field when that source failed.
 */
export async function fromSource<K extends keyof SourceLoaders>(
  ctx: RequestContext,
  lookup: K,
  idNumber: string,
): Promise<ValueOf<SourceLoaders[K]>> {
  const outcome = await sourceOutcome(ctx, lookup, idNumber);
  if (outcome.value === null) throw sourceUnavailable(outcome.status.source, outcome.status.state);
  return outcome.value;
}
