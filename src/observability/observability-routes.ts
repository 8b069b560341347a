import { Router } from 'express';
import type { DataSource } from 'typeorm';
import type { Sources } from '../sources/sources';
import { metricsRegistry } from './metrics';
import { checkReadiness } from './readiness';

/** Longest a readiness check waits for one database. */
const READINESS_PING_MS = 2000;

/**
 * /readyz: 200 while the hub database answers (status `degraded` when a source does not), 503 when it does not.
 * /metrics: Prometheus text format. Neither carries subject data; both are meant for the operator's network only.
 */
export function observabilityRoutes(deps: { hub: DataSource; sources: Sources; sourceTimeoutMs: number }): Router {
  const router = Router();
  router.get('/readyz', async (_req, res) => {
    const report = await checkReadiness(deps.hub, deps.sources, Math.min(deps.sourceTimeoutMs, READINESS_PING_MS));
    res
      .status(report.status === 'unavailable' ? 503 : 200)
      .set('cache-control', 'no-store')
      .json(report);
  });
  router.get('/metrics', async (_req, res) => {
    res
      .set('content-type', metricsRegistry.contentType)
      .set('cache-control', 'no-store')
      .send(await metricsRegistry.metrics());
  });
  return router;
}
