import type DataLoader from 'dataloader';
import type { SourceDatabase } from '../databases/source-database';
import type { Logger } from '../observability/logger';
import { setBreakerState } from '../observability/metrics';
import { CircuitBreaker, type BreakerOptions } from './circuit-breaker';
import { SOURCES } from './registry';
import type { SharingOptions, SourceConnector, SourceOutcome } from './source-connector';
import type { ConnectorClass } from './source-definition';
import { SOURCE_NAMES, type SourceName } from './source-name';

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type ConnectorClasses = UnionToIntersection<(typeof SOURCES)[number]['connectors']>;
type ValueOf<C> = C extends SourceConnector<infer T> ? T : never;

/** Every lookup of every source (`property`, …, `employees`), keyed as in the sources' `connectors`. */
export type Sources = { [K in keyof ConnectorClasses]: ConnectorClasses[K] extends abstract new (...args: never[]) => infer C ? C : never };

/** One request's loaders, one per lookup. */
export type SourceLoaders = { [K in keyof Sources]: DataLoader<string, SourceOutcome<ValueOf<Sources[K]>>> };

export interface SourcesOptions {
  timeoutMs: number;
  /** How concurrent requests share each source's statements (none when absent). */
  sharing?: SharingOptions;
  breaker: Pick<BreakerOptions, 'failureThreshold' | 'cooldownMs'>;
}

/** Every source's connectors, one circuit breaker per source database (a source's lookups share it). */
export function createSources(dbs: Record<SourceName, SourceDatabase>, options: SourcesOptions): Sources {
  const connectors: Record<string, SourceConnector<unknown>> = {};
  for (const source of SOURCES) {
    setBreakerState(source.name, 'CLOSED');
    const breaker = new CircuitBreaker({ ...options.breaker, onChange: (state) => setBreakerState(source.name, state) });
    for (const [lookup, Connector] of Object.entries(source.connectors as Record<string, ConnectorClass>)) {
      const Create = Connector as unknown as new (...args: ConstructorParameters<ConnectorClass>) => SourceConnector<unknown>;
      connectors[lookup] = new Create(source.name as never, dbs[source.name], options.timeoutMs, breaker, options.sharing);
    }
  }
  return connectors as Sources;
}

/** The main connector of each source (the lookup named after it), in registry order. */
export function sourceConnectors(sources: Sources): Array<SourceConnector<unknown>> {
  return SOURCE_NAMES.map((name) => (sources as Record<string, SourceConnector<unknown>>)[name]);
}

/** Per `Sources`, the class of its requests' loaders: a getter per lookup, the loader made on first use. */
const LOADER_CLASSES = new WeakMap<Sources, new (log?: Logger) => SourceLoaders>();

function loaderClass(sources: Sources): new (log?: Logger) => SourceLoaders {
  let Loaders = LOADER_CLASSES.get(sources);
  if (!Loaders) {
    class RequestLoaders {
      readonly made = new Map<string, DataLoader<string, SourceOutcome<unknown>>>();
      constructor(readonly log?: Logger) {}
    }
    for (const [lookup, connector] of Object.entries(sources as Record<string, SourceConnector<unknown>>)) {
      Object.defineProperty(RequestLoaders.prototype, lookup, {
        enumerable: true,
        get(this: RequestLoaders) {
          let loader = this.made.get(lookup);
          if (!loader) this.made.set(lookup, (loader = connector.createLoader(this.log)));
          return loader;
        },
      });
    }
    Loaders = RequestLoaders as unknown as new (log?: Logger) => SourceLoaders;
    LOADER_CLASSES.set(sources, Loaders);
  }
  return Loaders;
}

/**
 * Fresh loaders for one request, so batches and caches never cross requests or viewers; `log` is the request's logger.
 * A lookup's loader is made when the request first uses it: a query that reads no source allocates none.
 */
export function createLoaders(sources: Sources, log?: Logger): SourceLoaders {
  return new (loaderClass(sources))(log);
}
