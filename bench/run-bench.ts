// npm run bench [-- --duration 20 --connections 24 --rounds 1 --warmup 500 --persons 100000
//                  --latency-duration 5 --latency-connections 4 --no-latency
//                  --scale-duration 10 --scale-connections 4 --no-scale --profile
//                  --control-orders 200 --control-concurrency 8 --no-control --control-only
//                  --no-dishonest-batch --dishonest-batch-only]
//
// 1. Opens (generating once) the main dataset, 100,000 persons and 10,000 enterprises (`--persons` another size,
//    enterprises a tenth of it), in bench/.data/.
// 2. Drives the same clerk inquiries at the raw-SQL floor, the full hub, the hub with authorization off (audit on),
//    the hub with audit off (authorization on) and the hub with both off, each in its own process, one after another
//    in every round, and reports throughput, latency, SQL statements per request, CPU per request (hub process and
//    PostgreSQL apart) and server memory, as ratios to the floor, and what authorization and audit each cost the
//    full hub's throughput. After its run in each round, the full hub's server answers at 4 connections for
//    `--latency-duration` seconds (`--no-latency` skips it): the latency without queueing.
// 3. Scale: the full hub's inquiry latency on 10,000 and 1,000,000 persons, and the generator's time.
// 4. Control orders: drafts to receipts per second, end to end with the reference processor (control-bench.ts) on a
//    hub of its own with the demo data; `--no-control` skips it, `--control-only` runs it alone.
// 5. Batch dishonest-list checks at 100,000 and 1,000,000 IDs (bench/dishonest-batch.ts): IDs per second and peak memory.
// Results are printed as Markdown and kept in bench/.data/last-run.{json,md}.

import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { BENCH_DATA, openDataset, type OpenDataset } from './bench-dataset';
import { runControlBench, type ControlBenchResult } from './control-bench';
import { benchHubEnv, serverNodeArgs, serverProcessEnv, type BenchServerMessage, type BenchServerSpec } from './bench-server';
import { addedCpu, COSTS, FULL, HUB_VARIANTS, type CostPart } from './hub-variants';
import { median } from './median';
import { floorRequest, graphqlRequest, loadWorkload, type HttpRequestShape, type Inquiry, type Workload } from './inquiry-workload';
import { runLoad, type LoadResult } from './load-run';
import { sourcePlans } from './plan-check';
import { summariseProfile } from './profile-summary';
import { batchMarkdown, runDishonestBatchBench } from './dishonest-batch';

const FLOOR = 'raw-SQL floor';
const SCENARIOS = [FLOOR, ...HUB_VARIANTS.map((v) => v.scenario)];

function mainDataset(persons: number) {
  return { name: `persons-${persons / 1000}k`, persons, enterprises: Math.round(persons / 10), seed: 1 };
}
const SCALE = [
  { name: 'persons-10k', persons: 10_000, enterprises: 1_000, seed: 1 },
  { name: 'persons-1m', persons: 1_000_000, enterprises: 100_000, seed: 1 },
];

interface Options {
  durationS: number;
  connections: number;
  rounds: number;
  warmupRequests: number;
  /** Persons in the main dataset (enterprises a tenth of it). */
  persons: number;
  /** The full hub at few connections after its main run in each round; 0 seconds or `--no-latency` skips it. */
  latency: boolean;
  latencyDurationS: number;
  latencyConnections: number;
  scale: boolean;
  scaleDurationS: number;
  scaleConnections: number;
  profile: boolean;
  control: boolean;
  controlOnly: boolean;
  controlOrders: number;
  controlConcurrency: number;
  /** Phase 4; `--no-dishonest-batch` skips it, `--dishonest-batch-only` runs it alone. */
  dishonestBatch: 'yes' | 'no' | 'only';
}

function parseOptions(argv: string[]): Options {
  const options: Options = {
    durationS: 20,
    connections: 24,
    rounds: 1,
    warmupRequests: 500,
    persons: 100_000,
    latency: true,
    latencyDurationS: 5,
    latencyConnections: 4,
    scale: true,
    scaleDurationS: 10,
    scaleConnections: 4,
    profile: false,
    control: true,
    controlOnly: false,
    controlOrders: 200,
    controlConcurrency: 8,
    dishonestBatch: 'yes',
  };
  const numeric: Record<string, keyof Options> = {
    '--duration': 'durationS',
    '--connections': 'connections',
    '--rounds': 'rounds',
    '--warmup': 'warmupRequests',
    '--persons': 'persons',
    '--latency-duration': 'latencyDurationS',
    '--latency-connections': 'latencyConnections',
    '--scale-duration': 'scaleDurationS',
    '--scale-connections': 'scaleConnections',
    '--control-orders': 'controlOrders',
    '--control-concurrency': 'controlConcurrency',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-scale') options.scale = false;
    else if (arg === '--no-latency') options.latency = false;
    else if (arg === '--profile') options.profile = true;
    else if (arg === '--no-control') options.control = false;
    else if (arg === '--control-only') options.controlOnly = true;
    else if (arg === '--no-dishonest-batch') options.dishonestBatch = 'no';
    else if (arg === '--dishonest-batch-only') options.dishonestBatch = 'only';
    else if (numeric[arg]) {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 0) throw new Error(`${arg} needs a whole number`);
      (options as unknown as Record<string, number>)[numeric[arg]] = value;
    } else throw new Error(`unknown option ${arg}`);
  }
  if (options.controlOrders < 1 || options.controlConcurrency < 1) throw new Error('--control-orders and --control-concurrency need at least 1');
  if (options.persons < 1000) throw new Error('--persons needs at least 1000');
  if (options.rounds < 1) throw new Error('--rounds needs at least 1');
  if (options.latencyDurationS === 0 || options.latencyConnections === 0) options.latency = false;
  if (options.controlOnly && !options.control) throw new Error('--control-only and --no-control exclude each other');
  return options;
}

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

interface RunningServer {
  child: ChildProcess;
  port: number;
  stats(): Promise<Extract<BenchServerMessage, { type: 'stats' }>>;
  profileStart(): Promise<unknown>;
  profileStop(file: string): Promise<unknown>;
  stop(): Promise<void>;
}

async function startServer(spec: BenchServerSpec): Promise<RunningServer> {
  const child = fork(path.join(__dirname, 'bench-server.js'), [], {
    env: serverProcessEnv(spec),
    execArgv: serverNodeArgs(),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T extends BenchServerMessage['type']>(type: T) =>
    new Promise<Extract<BenchServerMessage, { type: T }>>((resolve, reject) => {
      const onMessage = (message: BenchServerMessage) => {
        if (message.type !== type) return;
        child.off('exit', onExit);
        child.off('message', onMessage);
        resolve(message as Extract<BenchServerMessage, { type: T }>);
      };
      const onExit = (code: number | null) => reject(new Error(`bench server exited (${code}) before '${type}'`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const ready = await next('ready');
  return {
    child,
    port: ready.port,
    stats: () => {
      const reply = next('stats');
      child.send({ type: 'stats' });
      return reply;
    },
    profileStart: () => {
      const reply = next('profiling');
      child.send({ type: 'profile-start' });
      return reply;
    },
    profileStop: (file: string) => {
      const reply = next('profiled');
      child.send({ type: 'profile-stop', file });
      return reply;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send({ type: 'stop' });
      }),
  };
}

/**
 * Sends inquiries one at a time and checks every answer, so a run never measures errors; with nothing else
 * in flight, the statement counters' deltas over this pass are the exact SQL statements per inquiry.
 */
/** What `verify` reads of an answer: the hub's GraphQL body, or the floor's plain JSON. */
interface VerifyAnswer {
  data?: { executionCase?: { respondents?: Respondent[] } };
  errors?: unknown[];
  error?: string;
  respondents?: Respondent[];
}
interface Respondent {
  sourceStatus?: Array<{ state: string }>;
}

async function verify(server: RunningServer, mode: BenchServerSpec['mode'], workload: Workload, sample: Inquiry[]) {
  const before = await server.stats();
  for (const inquiry of sample) {
    const shape = mode === 'floor' ? floorRequest(workload, inquiry) : graphqlRequest(workload, inquiry);
    const res = await fetch(`http://127.0.0.1:${server.port}${shape.path}`, { method: 'POST', headers: shape.headers, body: shape.body });
    const body = (await res.json()) as VerifyAnswer;
    const respondents = mode === 'floor' ? body.respondents : body.data?.executionCase?.respondents;
    const problem =
      res.status !== 200
        ? `HTTP ${res.status}`
        : body.errors
          ? `errors ${JSON.stringify(body.errors).slice(0, 300)}`
          : body.error
            ? `error ${body.error}`
            : respondents?.length !== inquiry.respondents
              ? `${respondents?.length} respondents, expected ${inquiry.respondents}`
              : mode === 'hub' && respondents.some((r) => r.sourceStatus?.some((s) => s.state !== 'OK'))
                ? 'a source not OK'
                : null;
    if (problem) throw new Error(`${mode} answered ${inquiry.caseNo} for ${inquiry.username} wrongly: ${problem}`);
  }
  const after = await server.stats();
  const byDatabase = Object.fromEntries(
    Object.keys(after.statements).map((k) => [k, (after.statements[k] - (before.statements[k] ?? 0)) / sample.length]),
  );
  const audit = (after.auditRoundTrips - before.auditRoundTrips) / sample.length;
  return { byDatabase, total: Object.values(byDatabase).reduce((a, b) => a + b, 0), audit };
}

interface ScenarioResult extends LoadResult {
  scenario: string;
  round: number;
  /** 1-minute load average of the machine when the run started (other work on it skews a run). */
  loadAverage: number;
  statementsPerRequest: number;
  statementsByDatabase: Record<string, number>;
  /**
   * The audit writer's round trips to the hub database per request (not in the statement counts): over the sequential
   * pass, one append per request, and over the measured run, where group commit shares each append among requests.
   */
  auditRoundTripsPerRequest: { alone: number; underLoad: number };
  /** The same server right after, at few connections (the full hub, unless `--no-latency`). */
  latency?: LoadResult & { connections: number; loadAverage: number };
}

/**
 * Starts every measured run from a settled cluster: what the run before wrote to the audit log is vacuumed and
 * analysed and its dirty buffers written out (CHECKPOINT), so that neither autovacuum nor a checkpoint it caused is
 * charged to the next server's CPU or slows it down.
 */
async function settle(hubUrl: string): Promise<void> {
  const client = new Client({ connectionString: hubUrl });
  await client.connect();
  try {
    await client.query('VACUUM (ANALYZE) audit_entry, audit_head');
    await client.query('CHECKPOINT');
  } finally {
    await client.end();
  }
}

async function runScenario(
  scenario: string,
  round: number,
  spec: BenchServerSpec,
  workload: Workload,
  load: { connections: number; durationS: number; warmupRequests: number; postgresPid: number },
  /** Where to write a CPU profile of the measured run, if wanted. */
  profileFile?: string,
  /** A second measured run on the same warm server at these connections, for latency without queueing. */
  latency?: { connections: number; durationS: number },
): Promise<ScenarioResult> {
  log(`${scenario}: starting`);
  await settle(spec.urls.hub);
  const server = await startServer(spec);
  try {
    const statements = await verify(server, spec.mode, workload, workload.inquiries.slice(0, 50));
    let cursor = 0;
    const next = (): HttpRequestShape => {
      const inquiry = workload.inquiries[cursor++ % workload.inquiries.length];
      return spec.mode === 'floor' ? floorRequest(workload, inquiry) : graphqlRequest(workload, inquiry);
    };
    const base = { port: server.port, connections: load.connections, next, serverPid: server.child.pid!, postgresPid: load.postgresPid };
    // Warm-up by count, not time: a slow server must still have compiled its hot paths before it is measured.
    if (load.warmupRequests > 0) await runLoad({ ...base, durationS: 0, amount: load.warmupRequests });
    const loadAverage = os.loadavg()[0];
    const auditBefore = (await server.stats()).auditRoundTrips;
    if (profileFile) await server.profileStart();
    const result = await runLoad({ ...base, durationS: load.durationS });
    if (profileFile) await server.profileStop(profileFile);
    const auditUnderLoad = ((await server.stats()).auditRoundTrips - auditBefore) / result.requests;
    log(
      `${scenario}: ${result.throughput.toFixed(0)} req/s, p50 ${result.latencyMs.p50.toFixed(1)} ms, p99 ${result.latencyMs.p99.toFixed(1)} ms, ` +
        `${statements.total.toFixed(2)} statements/request (audit round trips ${statements.audit.toFixed(2)} alone, ` +
        `${auditUnderLoad.toFixed(2)} under load), CPU ms/request hub ${result.cpuMsPerRequest.server.toFixed(2)} ` +
        `pg ${result.cpuMsPerRequest.postgres.toFixed(2)}, RSS peak ${result.rssMb.peak.toFixed(0)} MiB, load ${loadAverage.toFixed(1)}`,
    );
    const warnErrors = (what: string, r: LoadResult) => {
      if (r.requests === 0) log(`${what}: WARNING no answer within the run (a busy machine, or a run too short for it)`);
      if (r.non2xx || r.answerErrors || r.socketErrors) {
        log(`${what}: WARNING ${r.non2xx} non-2xx, ${r.answerErrors} answers with errors, ${r.socketErrors} socket errors`);
      }
    };
    warnErrors(scenario, result);
    const measured: ScenarioResult = {
      scenario,
      round,
      loadAverage,
      ...result,
      statementsPerRequest: statements.total,
      statementsByDatabase: statements.byDatabase,
      auditRoundTripsPerRequest: { alone: statements.audit, underLoad: auditUnderLoad },
    };
    if (latency) {
      const latencyLoad = os.loadavg()[0];
      const r = await runLoad({ ...base, connections: latency.connections, durationS: latency.durationS });
      log(
        `${scenario} at ${latency.connections} connections: ${r.throughput.toFixed(0)} req/s, p50 ${r.latencyMs.p50.toFixed(1)} ms, ` +
          `p95 ${r.latencyMs.p95.toFixed(1)} ms, p99 ${r.latencyMs.p99.toFixed(1)} ms`,
      );
      warnErrors(`${scenario} at ${latency.connections} connections`, r);
      measured.latency = { ...r, connections: latency.connections, loadAverage: latencyLoad };
    }
    return measured;
  } finally {
    await server.stop();
  }
}

async function postgresVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>('SELECT version()');
    return rows[0].version;
  } finally {
    await client.end();
  }
}

function machine(pg: string) {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    postgres: pg,
    os: `${os.type()} ${os.release()}`,
  };
}

async function withDataset<T>(spec: (typeof SCALE)[number], work: (ds: OpenDataset) => Promise<T>): Promise<T> {
  const ds = await openDataset(spec, log);
  try {
    return await work(ds);
  } finally {
    await ds.stop();
  }
}

async function prepareWorkload(ds: OpenDataset): Promise<Workload> {
  // Tokens are signed with the dataset's local key, which the hub started on that data directory trusts.
  const config = loadConfig(benchHubEnv({ urls: ds.urls, dataDir: ds.dataDir, env: {} }));
  return loadWorkload(ds.urls.hub, config, 5000);
}

/** What a part of the full hub costs it, from the variant with the part switched off. */
interface Cost {
  part: CostPart;
  /** The scenario with the part switched off. */
  without: string;
  /** Throughput the full hub loses to the part, per cent: 1 − full ÷ without, median of the rounds (each round paired). */
  throughputPct: number;
  perRoundPct: number[];
  /** CPU milliseconds per request the part adds (full − without), median of the rounds, hub process and PostgreSQL. */
  cpuMsPerRequest: { server: number; postgres: number };
  /**
   * The added CPU as a share of the full hub's CPU per request in the same round (hub process and PostgreSQL
   * together), median of the rounds, per cent.
   */
  cpuPct: number;
}

/** The median run of a scenario by throughput (the lower middle one of an even count). */
function medianRun(results: ScenarioResult[], scenario: string): ScenarioResult {
  const runs = results.filter((r) => r.scenario === scenario).sort((a, b) => a.throughput - b.throughput);
  return runs[Math.floor((runs.length - 1) / 2)];
}

function costs(results: ScenarioResult[]): Cost[] {
  const full = results.filter((r) => r.scenario === FULL);
  return COSTS.map(({ part, without }) => {
    const pairs = full.flatMap((f) => results.filter((r) => r.scenario === without && r.round === f.round).map((w) => ({ f, w })));
    const perRoundPct = pairs.map(({ f, w }) => 100 * (1 - f.throughput / w.throughput));
    const added = addedCpu(
      pairs.map(({ f, w }) => ({ [FULL]: f.cpuMsPerRequest, [without]: w.cpuMsPerRequest })),
      without,
    );
    const server = median(added.server);
    const postgres = median(added.postgres);
    return {
      part,
      without,
      throughputPct: median(perRoundPct),
      perRoundPct,
      cpuMsPerRequest: { server, postgres },
      cpuPct: 100 * median(added.share),
    };
  });
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

function markdown(report: Report): string {
  const lines: string[] = [];
  const m = report.machine;
  lines.push(`Run ${report.startedAt}: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.postgres.split(',')[0]}.`, '');
  const d = report.main.dataset;
  lines.push(
    `Dataset: ${d.persons.toLocaleString('en')} persons, ${d.enterprises.toLocaleString('en')} enterprises ` +
      `(${d.caseParties.toLocaleString('en')} case parties, ${d.activeCases.toLocaleString('en')} active cases). ` +
      `Workload: ${report.main.inquiries} inquiries by ${report.main.clerks} clerks, respondents per case ${JSON.stringify(report.main.respondentMix)}; ` +
      `${report.options.connections} connections, ${report.options.durationS} s per run after a warm-up of ${report.options.warmupRequests} requests.`,
    '',
  );
  const medianOf = (scenario: string) => medianRun(report.main.results, scenario);
  const floorRun = medianOf(FLOOR);
  lines.push(
    `Median run of ${report.options.rounds} per server (runs interleaved: floor, full, authorization off, audit off, both off, floor, …), ` +
      `${report.options.connections} connections:`,
    '',
    '| server | req/s | × floor | p50 ms | p95 ms | p99 ms | SQL/request | CPU ms/request hub | CPU ms/request PostgreSQL | RSS MiB (idle → peak) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const r of SCENARIOS.map(medianOf).filter(Boolean)) {
    const cpu = r.cpuMsPerRequest;
    lines.push(
      `| ${r.scenario} | ${fmt(r.throughput)} | ${fmt(r.throughput / floorRun.throughput, 2)} | ${fmt(r.latencyMs.p50, 1)} | ` +
        `${fmt(r.latencyMs.p95, 1)} | ${fmt(r.latencyMs.p99, 1)} | ${fmt(r.statementsPerRequest, 1)} | ` +
        `${fmt(cpu.server, 2)} | ${fmt(cpu.postgres, 2)} | ${fmt(r.rssMb.start)} → ${fmt(r.rssMb.peak)} |`,
    );
  }
  lines.push(
    '',
    'What authorization and audit cost the full hub: throughput lost = 1 − full ÷ without, per round (full hub and ' +
      'variant of the same round), median of the rounds; CPU added = full − without, per request, and its share of the ' +
      'full hub’s CPU in that round, medians of the rounds (as `npm run bench:cpu -- --compare`):',
    '',
    '| part | switched off in | throughput lost (median) | per round | CPU ms/request added, hub + PostgreSQL | share of the full hub’s CPU/request |',
    '|---|---|---:|---|---:|---:|',
  );
  for (const c of report.main.costs) {
    lines.push(
      `| ${c.part} | ${c.without} | **${fmt(c.throughputPct, 1)} %** | ${c.perRoundPct.map((v) => `${fmt(v, 1)} %`).join(', ')} | ` +
        `${fmt(c.cpuMsPerRequest.server, 2)} + ${fmt(c.cpuMsPerRequest.postgres, 2)} | ${fmt(c.cpuPct, 1)} % |`,
    );
  }
  const latency = report.main.latency;
  if (latency) {
    const r = latency.result;
    lines.push(
      '',
      `Full hub at ${latency.connections} connections (the same server right after its main run, ${report.options.latencyDurationS} s per round; ` +
        `median of ${latency.runs.length} by p50):`,
      '',
      '| req/s | p50 ms | p95 ms | p99 ms | CPU ms/request hub | CPU ms/request PostgreSQL | every round p50 / p95 / p99 ms |',
      '|---:|---:|---:|---:|---:|---:|---|',
      `| ${fmt(r.throughput)} | **${fmt(r.latencyMs.p50, 1)}** | ${fmt(r.latencyMs.p95, 1)} | ${fmt(r.latencyMs.p99, 1)} | ` +
        `${fmt(r.cpuMsPerRequest.server, 2)} | ${fmt(r.cpuMsPerRequest.postgres, 2)} | ` +
        `${latency.runs.map((x) => `${fmt(x.latencyMs.p50, 1)} / ${fmt(x.latencyMs.p95, 1)} / ${fmt(x.latencyMs.p99, 1)}`).join('; ')} |`,
    );
  }
  lines.push(
    '',
    'Every run:',
    '',
    '| round | server | req/s | p50 ms | p99 ms | server CPU | load average | errors |',
    '|---:|---|---:|---:|---:|---:|---:|---:|',
  );
  for (const r of report.main.results) {
    lines.push(
      `| ${r.round + 1} | ${r.scenario} | ${fmt(r.throughput)} | ${fmt(r.latencyMs.p50, 1)} | ${fmt(r.latencyMs.p99, 1)} | ` +
        `${fmt(r.serverCpu * 100)} % | ${fmt(r.loadAverage, 1)} | ${r.non2xx + r.answerErrors + r.socketErrors} |`,
    );
  }
  lines.push(
    '',
    'SQL statements per request by database (a sequential pass of 50 checked answers), and the audit writer’s round trips ' +
      'to the hub database per request (its own pool, not in the statement counts): alone in that pass, and in the measured ' +
      'run, where group commit shares each append:',
    '',
  );
  const databases = [...new Set(report.main.results.flatMap((r) => Object.keys(r.statementsByDatabase)))];
  lines.push(`| server | ${databases.join(' | ')} | audit round trips alone | audit round trips under load |`);
  lines.push(`|---|${databases.map(() => '---:').join('|')}|---:|---:|`);
  for (const r of SCENARIOS.map(medianOf).filter(Boolean)) {
    const audit = r.auditRoundTripsPerRequest;
    const noAudit = r.scenario === FLOOR || audit.alone === 0;
    lines.push(
      `| ${r.scenario} | ${databases.map((k) => fmt(r.statementsByDatabase[k] ?? NaN, 2)).join(' | ')} | ` +
        `${noAudit ? '–' : fmt(audit.alone, 2)} | ${noAudit ? '–' : fmt(audit.underLoad, 2)} |`,
    );
  }
  if (report.scale.length) {
    lines.push(
      '',
      `Scale (full hub, ${report.options.scaleConnections} connections, ${report.options.scaleDurationS} s per run, ` +
        `median of ${report.options.rounds} runs alternating between the datasets):`,
      '',
    );
    lines.push('| persons | enterprises | req/s | p50 ms | p95 ms | p99 ms | SQL/request | CPU ms/request (server + PostgreSQL) | generation |');
    lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    for (const s of report.scale) {
      const r = s.result;
      lines.push(
        `| ${s.persons.toLocaleString('en')} | ${s.enterprises.toLocaleString('en')} | ${fmt(r.throughput)} | ${fmt(r.latencyMs.p50, 1)} | ` +
          `${fmt(r.latencyMs.p95, 1)} | ${fmt(r.latencyMs.p99, 1)} | ${fmt(r.statementsPerRequest, 0)} | ` +
          `${fmt(r.cpuMsPerRequest.server, 2)} + ${fmt(r.cpuMsPerRequest.postgres, 2)} | ${fmt(s.generatedMs / 1000, 1)} s (${s.generatedBy ?? 'npm run bench'}, ${s.generatedAt.slice(0, 10)}) |`,
      );
    }
    lines.push('', 'Every scale run (persons: p50 / p99 ms):', '');
    for (const s of report.scale) {
      lines.push(
        `- ${s.persons.toLocaleString('en')}: ${s.runs.map((r) => `${fmt(r.latencyMs.p50, 1)} / ${fmt(r.latencyMs.p99, 1)} (load ${fmt(r.loadAverage, 1)})`).join('; ')}`,
      );
    }
    for (const s of report.scale) {
      lines.push(
        `- source lookups on ${s.persons.toLocaleString('en')} persons: ` +
          (s.plans.sequential.length ? `sequential scans: ${s.plans.sequential.join(', ')}` : `no sequential scan (${s.plans.scans.join(', ')})`),
      );
    }
  }
  if (report.profile) lines.push('', 'Full hub CPU profile, top self time:', '', '```', report.profile, '```');
  if (report.control) lines.push('', report.control.markdown.replace(/^# /, '### ').trimEnd());
  return `${lines.join('\n')}\n`;
}

interface Report {
  startedAt: string;
  options: Options;
  machine: ReturnType<typeof machine>;
  main: {
    dataset: { persons: number; enterprises: number; caseParties: number; activeCases: number; generatedMs: number };
    inquiries: number;
    clerks: number;
    respondentMix: Record<number, number>;
    results: ScenarioResult[];
    costs: Cost[];
    /** The full hub at `--latency-connections`: the median round by p50 and every round. */
    latency?: { connections: number; result: NonNullable<ScenarioResult['latency']>; runs: Array<NonNullable<ScenarioResult['latency']>> };
  };
  scale: Array<{
    persons: number;
    enterprises: number;
    generatedMs: number;
    generatedAt: string;
    generatedBy?: string;
    /** The median run by p50 latency, every run, and how the source lookups are planned. */
    result: ScenarioResult;
    runs: ScenarioResult[];
    plans: { scans: string[]; sequential: string[] };
  }>;
  profile?: string;
  control?: ControlBenchResult;
}

/** The full hub on the small and the large dataset, both clusters up, runs alternating so machine noise hits both alike. */
async function scaleRuns(options: Options): Promise<Report['scale']> {
  const opened: OpenDataset[] = [];
  try {
    for (const spec of SCALE) opened.push(await openDataset(spec, log));
    const workloads = await Promise.all(opened.map(prepareWorkload));
    const runs: ScenarioResult[][] = opened.map(() => []);
    for (let round = 0; round < options.rounds; round++) {
      for (const [i, ds] of opened.entries()) {
        runs[i].push(
          await runScenario(
            `full hub, ${ds.spec.persons} persons`,
            round,
            { urls: ds.urls, dataDir: ds.dataDir, mode: 'hub', env: {} },
            workloads[i],
            {
              connections: options.scaleConnections,
              durationS: options.scaleDurationS,
              warmupRequests: options.warmupRequests,
              postgresPid: ds.postmasterPid(),
            },
          ),
        );
      }
    }
    const entries: Report['scale'] = [];
    for (const [i, ds] of opened.entries()) {
      const byLatency = [...runs[i]].sort((a, b) => a.latencyMs.p50 - b.latencyMs.p50);
      entries.push({
        persons: ds.record.persons,
        enterprises: ds.record.enterprises,
        generatedMs: ds.record.generatedMs,
        generatedAt: ds.record.generatedAt,
        generatedBy: ds.record.generatedBy,
        result: byLatency[Math.floor((byLatency.length - 1) / 2)],
        runs: runs[i],
        plans: await sourcePlans(ds.urls),
      });
    }
    return entries;
  } finally {
    for (const ds of opened) await ds.stop();
  }
}

/** Phase 4: order throughput (control-bench.ts), named in its table by the command that ran it. */
async function controlPhase(options: Options): Promise<ControlBenchResult> {
  log(`control orders: ${options.controlOrders} orders, ${options.controlConcurrency} clients`);
  const command = `npm run bench -- --control-orders ${options.controlOrders} --control-concurrency ${options.controlConcurrency}`;
  return runControlBench(options.controlOrders, options.controlConcurrency, command);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.controlOnly) {
    const control = await controlPhase(options);
    fs.mkdirSync(BENCH_DATA, { recursive: true });
    fs.writeFileSync(path.join(BENCH_DATA, 'last-control-run.md'), control.markdown);
    process.stdout.write(control.markdown);
    return;
  }
  if (options.dishonestBatch === 'only') {
    const text = batchMarkdown(await runDishonestBatchBench());
    fs.mkdirSync(BENCH_DATA, { recursive: true });
    fs.writeFileSync(path.join(BENCH_DATA, 'last-run-dishonest-batch.md'), text);
    process.stdout.write(text);
    return;
  }
  const startedAt = new Date().toISOString();
  const profileFile = path.join(BENCH_DATA, 'profiles', `full-hub-${startedAt.replace(/[:.]/g, '-')}.cpuprofile`);
  if (options.profile) fs.mkdirSync(path.dirname(profileFile), { recursive: true });
  const report = await withDataset(mainDataset(options.persons), async (ds) => {
    const workload = await prepareWorkload(ds);
    log(`${workload.inquiries.length} inquiries by ${workload.clerks} clerks, respondents ${JSON.stringify(workload.respondentMix)}`);
    const load = {
      connections: options.connections,
      durationS: options.durationS,
      warmupRequests: options.warmupRequests,
      postgresPid: ds.postmasterPid(),
    };
    const base = { urls: ds.urls, dataDir: ds.dataDir };
    const results: ScenarioResult[] = [];
    const latency = options.latency ? { connections: options.latencyConnections, durationS: options.latencyDurationS } : undefined;
    for (let round = 0; round < options.rounds; round++) {
      results.push(await runScenario(FLOOR, round, { ...base, mode: 'floor', env: {} }, workload, load));
      for (const { scenario, env } of HUB_VARIANTS) {
        const full = scenario === FULL;
        const profile = full && options.profile && round === 0 ? profileFile : undefined;
        results.push(await runScenario(scenario, round, { ...base, mode: 'hub', env }, workload, load, profile, full ? latency : undefined));
      }
    }
    const latencyRuns = results.flatMap((r) => (r.scenario === FULL && r.latency ? [r.latency] : []));
    const byP50 = [...latencyRuns].sort((a, b) => a.latencyMs.p50 - b.latencyMs.p50);
    const r: Report = {
      startedAt,
      options,
      machine: machine(await postgresVersion(ds.urls.hub)),
      main: {
        dataset: { ...ds.counts, persons: ds.record.persons, enterprises: ds.record.enterprises, generatedMs: ds.record.generatedMs },
        inquiries: workload.inquiries.length,
        clerks: workload.clerks,
        respondentMix: workload.respondentMix,
        results,
        costs: costs(results),
        ...(latency && byP50.length
          ? { latency: { connections: latency.connections, result: byP50[Math.floor((byP50.length - 1) / 2)], runs: latencyRuns } }
          : {}),
      },
      scale: [],
    };
    return r;
  });
  if (options.profile) report.profile = summariseProfile(profileFile, 25);
  if (options.scale) report.scale = await scaleRuns(options);
  if (options.control) report.control = await controlPhase(options);
  let text = markdown(report);
  if (options.dishonestBatch === 'yes') text += `\n${batchMarkdown(await runDishonestBatchBench())}`;
  fs.mkdirSync(BENCH_DATA, { recursive: true });
  fs.writeFileSync(path.join(BENCH_DATA, 'last-run.json'), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(BENCH_DATA, 'last-run.md'), text);
  process.stdout.write(text);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
