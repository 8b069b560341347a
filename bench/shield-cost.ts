// npm run bench:shield [-- --duration 15 --connections 16 --rounds 5 --warmup 3]
//
// What field-level authorization costs: the same clerk inquiry, on the same demo data in one throwaway PostgreSQL,
// against the hub with and without SHIELD_DISABLED_FOR_BENCHMARK (graphql-shield rule tree and masking middleware
// off / on), each run in a fresh hub process. The audit log and the subject-read limit are off in both, so the
// difference is the shield's. Rounds alternate the order (on/off, off/on, ...) so that drift falls on both alike.
// Writes bench/results/shield-cost.md.

import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getNamedType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { Client } from 'pg';
import { outcomeFor } from '../src/auth/policy';
import { issueToken } from '../src/auth/tokens';
import { loadConfig } from '../src/config';
import { startEmbeddedPostgres } from '../src/databases/embedded-postgres';
import { startHub } from '../src/hub';
import { buildBaseSchema } from '../src/schema/build-schema';
import { DEMO } from '../src/seed/demo-data';
import { HUB_DATABASE, SOURCE_DATABASES, SOURCE_NAMES } from '../src/sources/source-name';
import { processCpuMs } from './cpu-time';
import { median } from './median';
import { PACKAGE_ROOT } from './package-root';

// autocannon ships no types; this is the part of its API used here.
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p97_5: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
const autocannon = require('autocannon') as (options: Record<string, unknown>) => PromiseLike<AutocannonResult>;

interface Options {
  durationS: number;
  connections: number;
  rounds: number;
  warmupS: number;
}

interface HubSpec {
  urls: Record<string, string>;
  dataDir: string;
  shield: boolean;
}

const CHILD_ENV = 'SHIELD_COST_HUB';
const RESULTS = path.join(PACKAGE_ROOT, 'bench', 'results', 'shield-cost.md');
const log = (line: string) => process.stderr.write(`[bench:shield] ${line}\n`);

function parseOptions(argv: string[]): Options {
  const options: Options = { durationS: 15, connections: 16, rounds: 5, warmupS: 3 };
  const names: Record<string, keyof Options> = {
    '--duration': 'durationS',
    '--connections': 'connections',
    '--rounds': 'rounds',
    '--warmup': 'warmupS',
  };
  for (let i = 0; i < argv.length; i++) {
    const key = names[argv[i]];
    const value = Number(argv[++i]);
    if (!key || !Number.isInteger(value) || value < 1) throw new Error(`usage: ${Object.keys(names).join(' N ')} N (whole numbers)`);
    options[key] = value;
  }
  return options;
}

function hubEnv(spec: HubSpec): Record<string, string> {
  return {
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: spec.dataDir,
    LOG_LEVEL: 'silent',
    [HUB_DATABASE.envVar]: spec.urls.hub,
    ...Object.fromEntries(SOURCE_NAMES.map((s) => [SOURCE_DATABASES[s].envVar, spec.urls[s]])),
    SUBJECT_READ_RATE_LIMIT: '0',
    AUDIT_DISABLED_FOR_BENCHMARK: 'true',
    SHIELD_DISABLED_FOR_BENCHMARK: String(!spec.shield),
  };
}

/** Every subject field the policy table shows a clerk (latencies left out, so both answers compare equal). */
function clerkSelection(schema: GraphQLSchema, type: GraphQLObjectType): string {
  return Object.values(type.getFields())
    .filter((f) => outcomeFor('CLERK', `${type.name}.${f.name}`) !== 'DENY' && f.name !== 'latencyMs')
    .map((f) => {
      const named = getNamedType(f.type);
      return isObjectType(named) ? `${f.name} { ${clerkSelection(schema, named)} }` : f.name;
    })
    .join(' ');
}

// ---- The hub under test, in its own process --------------------------------------------------------------------

async function child(spec: HubSpec): Promise<void> {
  const hub = await startHub(loadConfig(hubEnv(spec)));
  process.send!({ type: 'ready', port: hub.port });
  process.on('message', (message: { type: string }) => {
    if (message.type === 'stop') void hub.stop().finally(() => process.exit(0));
  });
}

interface RunningHub {
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

function startChild(spec: HubSpec): Promise<RunningHub> {
  const proc = fork(__filename, [], { env: { ...process.env, [CHILD_ENV]: JSON.stringify(spec) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`hub process exited (${code}) before it was ready`)));
    proc.once('message', (message: { type: string; port: number }) => {
      proc.removeAllListeners('exit');
      resolve({
        port: message.port,
        process: proc,
        stop: () =>
          new Promise<void>((done) => {
            proc.once('exit', () => done());
            proc.send({ type: 'stop' });
          }),
      });
    });
  });
}

// ---- Load ------------------------------------------------------------------------------------------------------

interface Measurement {
  label: string;
  round: number;
  rps: number;
  /** CPU time the hub process spent per answered request (user + system). */
  cpuMsPerRequest: number;
  /** 1-minute load average at the end of the run: how busy the machine was. */
  load: number;
  p50: number;
  p99: number;
  requests: number;
  failures: number;
}

async function drive(port: number, body: string, token: string, durationS: number, connections: number): Promise<AutocannonResult> {
  return autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
    connections,
    duration: durationS,
  });
}

async function answer(port: number, body: string, token: string): Promise<{ data?: unknown; errors?: unknown[] }> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  return (await res.json()) as { data?: unknown; errors?: unknown[] };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuyuantong-shield-cost-'));
  const names = ['hub', ...SOURCE_NAMES].map((k) =>
    k === 'hub' ? HUB_DATABASE.database : SOURCE_DATABASES[k as keyof typeof SOURCE_DATABASES].database,
  );
  log(`starting a throwaway PostgreSQL in ${dataDir}`);
  const cluster = await startEmbeddedPostgres(dataDir, names, log);
  const urls = Object.fromEntries(['hub', ...SOURCE_NAMES].map((k, i) => [k, cluster.url(names[i])]));
  let running: RunningHub | null = null;
  const withHub = async <T>(shield: boolean, fn: (hub: RunningHub) => Promise<T>): Promise<T> => {
    running = await startChild({ urls, dataDir, shield });
    try {
      return await fn(running);
    } finally {
      await running.stop();
      running = null;
    }
  };
  try {
    const pg = new Client({ connectionString: urls.hub });
    await pg.connect();
    const pgVersion = (await pg.query('SELECT version()')).rows[0].version as string;
    await pg.end();
    // The token key is created here, before either hub reads it.
    const token = await issueToken(loadConfig(hubEnv({ urls, dataDir, shield: true })), 'demo-clerk');

    const schema = await buildBaseSchema();
    const selection = clerkSelection(schema, schema.getType('Subject') as GraphQLObjectType);
    const query = `query ($caseNo: String!) { executionCase(caseNo: $caseNo) { caseNo status amountDue court { code name } respondents { ${selection} } } }`;
    const body = JSON.stringify({ query, variables: { caseNo: DEMO.clerkCase } });
    const fields = (selection.match(/\w+/g) ?? []).length;
    // The first hub migrates and seeds the demo data; both must give the same answer to the same question.
    const on = await withHub(true, (hub) => answer(hub.port, body, token));
    const off = await withHub(false, (hub) => answer(hub.port, body, token));
    if (on.errors || off.errors) throw new Error(`the inquiry failed: ${JSON.stringify(on.errors ?? off.errors)}`);
    if (JSON.stringify(on.data) !== JSON.stringify(off.data)) throw new Error('the two hubs answer the inquiry differently');

    // One hub process at a time (each with its own pools), warmed up before every measured run.
    const targets = [
      { label: 'shield on', shield: true },
      { label: 'shield off', shield: false },
    ];
    const measurements: Measurement[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      for (const target of round % 2 === 1 ? targets : [...targets].reverse()) {
        const r = await withHub(target.shield, async (hub) => {
          await drive(hub.port, body, token, options.warmupS, options.connections);
          const cpuBefore = processCpuMs(hub.process.pid!);
          const result = await drive(hub.port, body, token, options.durationS, options.connections);
          const cpu = processCpuMs(hub.process.pid!) - cpuBefore;
          const check = await answer(hub.port, body, token);
          if (check.errors) throw new Error(`${target.label} answered with errors after the run`);
          return { result, cpu };
        });
        const m: Measurement = {
          label: target.label,
          round,
          rps: r.result.requests.average,
          cpuMsPerRequest: r.cpu / r.result.requests.total,
          load: os.loadavg()[0],
          p50: r.result.latency.p50,
          p99: r.result.latency.p99,
          requests: r.result.requests.total,
          failures: r.result.non2xx + r.result.errors + r.result.timeouts,
        };
        log(
          `round ${round}, ${m.label}: ${m.rps.toFixed(0)} req/s, ${m.cpuMsPerRequest.toFixed(1)} CPU ms/request, p50 ${m.p50} ms, p99 ${m.p99} ms, ${m.failures} failures, load ${m.load.toFixed(1)}`,
        );
        measurements.push(m);
      }
    }

    const report = render(options, measurements, pgVersion, fields);
    fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
    fs.writeFileSync(RESULTS, report);
    process.stdout.write(report);
    log(`wrote ${path.relative(process.cwd(), RESULTS)}`);
  } finally {
    await (running as RunningHub | null)?.stop();
    await cluster.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function render(options: Options, ms: Measurement[], pgVersion: string, fields: number): string {
  const of = (label: string) => ms.filter((m) => m.label === label);
  const summary = (label: string) => ({
    rps: median(of(label).map((m) => m.rps)),
    cpu: median(of(label).map((m) => m.cpuMsPerRequest)),
    p50: median(of(label).map((m) => m.p50)),
    p99: median(of(label).map((m) => m.p99)),
  });
  const on = summary('shield on');
  const off = summary('shield off');
  const perRound = (value: (m: Measurement) => number) =>
    Array.from({ length: options.rounds }, (_, i) => {
      const a = ms.find((m) => m.label === 'shield on' && m.round === i + 1)!;
      const b = ms.find((m) => m.label === 'shield off' && m.round === i + 1)!;
      return (value(a) / value(b)).toFixed(2);
    }).join(', ');
  const loads = ms.map((m) => m.load);
  const cpus = os.cpus();
  return `# Shield cost

What field-level authorization (the graphql-shield rule tree generated from the policy table, plus the masking
middleware) costs an inquiry. \`npm run bench:shield\` starts one throwaway PostgreSQL with the demo data and runs the
hub on it with and without \`SHIELD_DISABLED_FOR_BENCHMARK\`, nothing else different; audit log and subject-read limit
are off in both. autocannon drives each, in a fresh hub process, over loopback at a fixed concurrency with the same
request: \`demo-clerk\` asking for case ${DEMO.clerkCase} with its two respondents and every subject field the policy
table shows a clerk (${fields} fields per respondent; both hubs' answers are checked equal first). Rounds alternate the order.

**Throughput with the shield: ${(on.rps / off.rps).toFixed(2)} × throughput without it** (median of ${options.rounds} rounds; per round ${perRound((m) => m.rps)}).
**Hub CPU time per inquiry with the shield: ${(on.cpu / off.cpu).toFixed(2)} × without it** (${on.cpu.toFixed(1)} ms against ${off.cpu.toFixed(1)} ms; per round ${perRound((m) => m.cpuMsPerRequest)}).

| hub | requests/s (median) | hub CPU ms per request | p50 latency ms | p99 latency ms |
|---|---:|---:|---:|---:|
| shield on | ${on.rps.toFixed(0)} | ${on.cpu.toFixed(1)} | ${on.p50} | ${on.p99} |
| shield off | ${off.rps.toFixed(0)} | ${off.cpu.toFixed(1)} | ${off.p50} | ${off.p99} |

| round | hub | requests/s | CPU ms/request | p50 ms | p99 ms | requests | failures | load average |
|---:|---|---:|---:|---:|---:|---:|---:|---:|
${ms.map((m) => `| ${m.round} | ${m.label} | ${m.rps.toFixed(0)} | ${m.cpuMsPerRequest.toFixed(1)} | ${m.p50} | ${m.p99} | ${m.requests} | ${m.failures} | ${m.load.toFixed(1)} |`).join('\n')}

Run: ${options.rounds} rounds × ${options.durationS} s per hub, each after ${options.warmupS} s of warm-up, ${options.connections} connections, ${new Date().toISOString().slice(0, 10)}.
Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version};
${pgVersion}.
The hub, autocannon and PostgreSQL share these cores, and the machine was shared with other work (1-minute load
average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} during the runs): absolute requests/s are indicative only. The hub's own CPU time per
request is the steadier figure of the two, since it does not count time spent waiting for a core.
`;
}

if (process.env[CHILD_ENV]) {
  child(JSON.parse(process.env[CHILD_ENV]!) as HubSpec).catch((error: unknown) => {
    process.stderr.write(`hub process failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
} else if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench:shield failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
