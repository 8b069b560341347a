import type DataLoader from 'dataloader';
import type { RequestContext } from '../context';
import { sourceUnavailable } from '../schema/error-codes';
import type { SourceOutcome } from './source-connector';
import type { SourceLoaders } from './sources';

type ValueOf<L> = L extends DataLoader<string, SourceOutcome<infer T>> ? T : never;

/**
 * The one way a resolver obtains a source's value for a subject: the request's batched lookup, or
 * SOURCE_UNAVAILABLE at this field when that source failed.
 */
export async function fromSource<K extends keyof SourceLoaders>(ctx: RequestContext, lookup: K, idNumber: string): Promise<ValueOf<SourceLoaders[K]>> {
  const outcome = await (ctx.loaders[lookup] as SourceLoaders[K]).load(idNumber);
  if (outcome.value === null) throw sourceUnavailable(outcome.status.source, outcome.status.state);
  return outcome.value as ValueOf<SourceLoaders[K]>;
}
