import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { BreakerState } from '../sources/circuit-breaker';

/** Everything served at /metrics. One per process: every hub in the process reports into it. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const requests = new Counter({
  name: 'fuyuantong_graphql_requests_total',
  help: 'GraphQL requests by operation (root fields) and outcome (ok, partial, error).',
  labelNames: ['operation', 'outcome'] as const,
  registers: [metricsRegistry],
});

const requestDuration = new Histogram({
  name: 'fuyuantong_graphql_request_duration_seconds',
  help: 'GraphQL request latency, from receipt to response, by operation and outcome.',
  labelNames: ['operation', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

const sourceDuration = new Histogram({
  name: 'fuyuantong_source_batch_duration_seconds',
  help: 'Latency of one batch of lookups in one source, by result (OK, TIMEOUT, ERROR).',
  labelNames: ['source', 'state'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

const sourceFailures = new Counter({
  name: 'fuyuantong_source_failures_total',
  help: 'Batches a source did not answer: TIMEOUT, ERROR, or OPEN (skipped by the circuit breaker).',
  labelNames: ['source', 'state'] as const,
  registers: [metricsRegistry],
});

const BREAKER_VALUE: Record<BreakerState, number> = { CLOSED: 0, HALF_OPEN: 1, OPEN: 2 };

const breakerState = new Gauge({
  name: 'fuyuantong_source_breaker_state',
  help: 'Circuit breaker per source: 0 closed, 1 half-open (probing), 2 open (source skipped).',
  labelNames: ['source'] as const,
  registers: [metricsRegistry],
});

const sourceConnected = new Gauge({
  name: 'fuyuantong_source_connected',
  help: '1 once the hub has connected to (and migrated) the source, 0 while it has never been reached.',
  labelNames: ['source'] as const,
  registers: [metricsRegistry],
});

const auditWriteDuration = new Histogram({
  name: 'fuyuantong_audit_write_duration_seconds',
  help: "Time to append one request's entries to the audit log, by outcome (ok, failed).",
  labelNames: ['outcome'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
  registers: [metricsRegistry],
});

export type RequestOutcome = 'ok' | 'partial' | 'error';

export function observeRequest(operation: string, outcome: RequestOutcome, seconds: number): void {
  requests.inc({ operation, outcome });
  requestDuration.observe({ operation, outcome }, seconds);
}

/** One batch in one source; `seconds` is null when the breaker skipped the source. */
export function observeSourceBatch(source: string, state: string, seconds: number | null): void {
  if (seconds !== null) sourceDuration.observe({ source, state }, seconds);
  if (state !== 'OK') sourceFailures.inc({ source, state });
}

export function setBreakerState(source: string, state: BreakerState): void {
  breakerState.set({ source }, BREAKER_VALUE[state]);
}

export function setSourceConnected(source: string, connected: boolean): void {
  sourceConnected.set({ source }, connected ? 1 : 0);
}

/** For the audit writer: how long one append took, and whether it succeeded. */
export function observeAuditWrite(seconds: number, outcome: 'ok' | 'failed' = 'ok'): void {
  auditWriteDuration.observe({ outcome }, seconds);
}
