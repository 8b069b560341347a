import type { DataSource } from 'typeorm';
import type { BreakerState } from '../sources/circuit-breaker';
import { sourceConnectors, type Sources } from '../sources/sources';

export interface ReadinessReport {
  /** ready: everything answers; degraded: the hub serves but a source does not; unavailable: the hub database is down. */
  status: 'ready' | 'degraded' | 'unavailable';
  hub: { state: 'UP' | 'DOWN'; latencyMs: number };
  sources: Array<{ source: string; state: 'UP' | 'DOWN' | 'CONNECTING'; breaker: BreakerState; latencyMs: number | null }>;
}

/** Pings the hub database and every connected source (SELECT 1, each bounded by `timeoutMs`), in parallel. */
export async function checkReadiness(hub: DataSource, sources: Sources, timeoutMs: number): Promise<ReadinessReport> {
  const [hubPing, ...sourcePings] = await Promise.all([
    ping(hub, timeoutMs),
    ...sourceConnectors(sources).map((c) => (c.db.connection === 'UP' ? ping(c.db.dataSource, timeoutMs) : Promise.resolve(null))),
  ]);
  const report: ReadinessReport = {
    status: 'ready',
    hub: { state: hubPing.ok ? 'UP' : 'DOWN', latencyMs: hubPing.latencyMs },
    sources: sourceConnectors(sources).map((c, i) => {
      const p = sourcePings[i];
      return {
        source: c.name,
        state: p ? (p.ok ? 'UP' : 'DOWN') : c.db.connection,
        breaker: c.breaker.state,
        latencyMs: p?.latencyMs ?? null,
      };
    }),
  };
  if (!hubPing.ok) report.status = 'unavailable';
  else if (report.sources.some((s) => s.state !== 'UP' || s.breaker !== 'CLOSED')) report.status = 'degraded';
  return report;
}

async function ping(dataSource: DataSource, timeoutMs: number): Promise<{ ok: boolean; latencyMs: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const ok = await Promise.race([
    dataSource.isInitialized
      ? dataSource.query('SELECT 1').then(
          () => true,
          () => false,
        )
      : Promise.resolve(false),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  return { ok, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
}
