// One closed-loop load run with autocannon over loopback: a fixed number of connections, each sending its
// next request as soon as the previous answer arrives, for a fixed time. Latency percentiles are computed
// from every response time, not from autocannon's bucketed histogram (it has no p95).

import fs from 'node:fs';
import type { HttpRequestShape } from './inquiry-workload';
import { cpuSpent, postgresCpuByPart, processCpuSeconds } from './cpu-time';

// autocannon ships no types; this is the part of its API used here.
interface AutocannonRequest {
  setupRequest: (req: Record<string, unknown>) => Record<string, unknown>;
  onResponse: (status: number, body: string) => void;
}
interface AutocannonResult {
  requests: { total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
interface AutocannonTracker extends PromiseLike<AutocannonResult> {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, responseTime: number) => void): void;
}
const autocannon = require('autocannon') as (options: Record<string, unknown>) => AutocannonTracker;

export interface LoadOptions {
  port: number;
  connections: number;
  /** Run for this long, or (when given) until this many requests have been answered. */
  durationS: number;
  amount?: number;
  /** The next request to send; called once per request. */
  next: () => HttpRequestShape;
  /** Server process to sample for resident memory and CPU time. */
  serverPid: number;
  /** The PostgreSQL postmaster, whose backends' CPU time is summed. */
  postgresPid?: number;
}

export interface LoadResult {
  requests: number;
  durationS: number;
  throughput: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number; max: number };
  non2xx: number;
  socketErrors: number;
  timeouts: number;
  /** 200 answers carrying a GraphQL `errors` entry (or a floor error): the run is invalid if this is not 0. */
  answerErrors: number;
  rssMb: { start: number; mean: number; peak: number };
  /** Server CPU time over the run divided by wall time (2.0 = both cores). */
  serverCpu: number;
  /** CPU milliseconds per answered request: the server process, and PostgreSQL (postmaster and backends). */
  cpuMsPerRequest: { server: number; postgres: number };
  /** PostgreSQL's CPU milliseconds per answered request by part: each database's backends, each background process kind. */
  postgresCpuMsByPart: Record<string, number>;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** VmRSS of a process in MiB (Linux /proc). */
export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : NaN;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let answerErrors = 0;
  const request: AutocannonRequest = {
    setupRequest: (req) => {
      const next = options.next();
      return { ...req, method: 'POST', path: next.path, headers: next.headers, body: next.body };
    },
    onResponse: (status, body) => {
      if (status === 200 && (body.includes('"errors":') || body.startsWith('{"error"'))) answerErrors += 1;
    },
  };
  const rss: number[] = [];
  const startRss = rssMb(options.serverPid);
  const sampler = setInterval(() => rss.push(rssMb(options.serverPid)), 250);
  const cpuBefore = processCpuSeconds(options.serverPid);
  const pgBefore = options.postgresPid ? postgresCpuByPart(options.postgresPid) : new Map<string, number>();
  const wallBefore = performance.now();
  const tracker = autocannon({
    url: `http://127.0.0.1:${options.port}`,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.durationS }),
    requests: [request],
    timeout: 30,
  });
  tracker.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await tracker;
  const wallS = (performance.now() - wallBefore) / 1000;
  const serverCpuS = processCpuSeconds(options.serverPid) - cpuBefore;
  const pgByPart = options.postgresPid ? cpuSpent(pgBefore, postgresCpuByPart(options.postgresPid)) : new Map<string, number>();
  const pgCpuS = options.postgresPid ? [...pgByPart.values()].reduce((a, b) => a + b, 0) : NaN;
  clearInterval(sampler);
  const sorted = Float64Array.from(latencies).sort();
  const mean = latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length);
  return {
    requests: latencies.length,
    durationS: wallS,
    throughput: latencies.length / wallS,
    latencyMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      mean,
      max: sorted[sorted.length - 1] ?? NaN,
    },
    non2xx: result.non2xx,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    answerErrors,
    rssMb: {
      start: startRss,
      mean: rss.length ? rss.reduce((a, b) => a + b, 0) / rss.length : startRss,
      peak: Math.max(startRss, ...rss),
    },
    serverCpu: serverCpuS / wallS,
    cpuMsPerRequest: { server: (1000 * serverCpuS) / latencies.length, postgres: (1000 * pgCpuS) / latencies.length },
    postgresCpuMsByPart: Object.fromEntries([...pgByPart].map(([part, seconds]) => [part, (1000 * seconds) / latencies.length])),
  };
}
