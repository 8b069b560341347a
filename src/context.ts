import type { DataSource } from 'typeorm';
import type { Viewer } from './auth/viewer';
import type { SourceLoaders, Sources } from './sources/sources';

/**
 * Everything one request carries through every resolver and service: who asks, under which request id,
 * the hub database, and this request's source loaders.
 */
export interface RequestContext {
  requestId: string;
  viewer: Viewer;
  hub: DataSource;
  sources: Sources;
  loaders: SourceLoaders;
  clientAddress: string | null;
}
