import type { DataSource } from 'typeorm';
import type { RequestAudit } from './audit/request-audit';
import type { Viewer } from './auth/viewer';
import type { Logger } from './observability/logger';
import type { HubLoaders } from './services/hub-loaders';
import type { Services } from './services/services';
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
  hubLoaders: HubLoaders;
  services: Services;
  clientAddress: string | null;
  /** What this request puts on the audit log, appended before its answer is sent. */
  audit: RequestAudit;
  /** This request's logger (every line carries the request id). Never log subject data through it. */
  log: Logger;
}
