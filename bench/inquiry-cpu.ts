// npm run bench:cpu [-- --requests 2000 --connections 4 --warmup 300 --bare --profile --persons 10000 --compare 3 --off audit
//                      --query full|case|identity]
//
// CPU per inquiry by a fixed number of requests, which a busy machine disturbs far less than throughput: the full hub
// (and, with --bare, the hub with shield and audit off) answers the same clerk inquiries; reported are the hub
// process's and PostgreSQL's CPU milliseconds per inquiry, the SQL statements per inquiry by database (a sequential
// pass of 50 checked answers), on the hub's pools and as PostgreSQL counts them (pg_stat_statements, audit appends
// included), the same count over the measured run (where concurrent requests share statements and appends),
// PostgreSQL's CPU by database and background process, and, with --profile, the hub's self time by function over the
// measured requests.
//
// With --compare N: N rounds, each measuring in turn the full hub, the hub with authorization off and the hub with audit
// off (and, with --bare, both off), each a fresh server as in `npm run bench` and none profiled (so not with --profile
// or --off); reported are every run and, per part, the median over the rounds of the CPU it adds per inquiry (full hub
// minus the variant of the same round) and that as a share of the full hub's. Under saturation throughput goes as the
// inverse of CPU per inquiry, and CPU per inquiry is far steadier from run to run than throughput, so this reads the
// cost of authorization and of audit where `npm run bench`'s rounds scatter.
// With --off audit (or authorization) the one measured server runs with that part switched off, so that its profile
// can be set beside the full hub's.
// With --query case (or identity) every request asks a smaller question about the same cases: the case alone, or the
// case with its respondents' identities (see PART_QUERIES), so that what any request costs and what the sources add
// can be read apart from the whole inquiry.

import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { BENCH_DATA, databaseNames, openDataset, statementCalls, type StatementCalls } from './bench-dataset';
import { benchHubEnv, serverNodeArgs, serverProcessEnv, type BenchServerMessage, type BenchServerSpec } from './bench-server';
import { addedCpu, BARE, COSTS, FULL, HUB_VARIANTS, NO_AUDIT, NO_AUTHORIZATION } from './hub-variants';
import { median } from './median';
import { PART_QUERIES, type InquiryShape } from './inquiry-query';
import { graphqlRequest, loadWorkload, type HttpRequestShape, type Inquiry, type Workload } from './inquiry-workload';
import { runLoad } from './load-run';
import { summariseProfile } from './profile-summary';

interface Options {
  requests: number;
  connections: number;
  warmup: number;
  bare: boolean;
  compare: number;
  /** The part switched off in the single measured server (`--off audit` or `--off authorization`), e.g. to profile it. */
  off: string | null;
  profile: boolean;
  persons: number;
  /** The question every request asks: the whole inquiry or a part of it. */
  query: InquiryShape;
}

function parseOptions(argv: string[]): Options {
  const options: Options = {
    requests: 2000,
    connections: 4,
    warmup: 300,
    bare: false,
    profile: false,
    persons: 10_000,
    compare: 0,
    off: null,
    query: 'full',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--bare') options.bare = true;
    else if (arg === '--off') {
      const part = argv[++i];
      if (!(part in OFF)) throw new Error('--off takes audit or authorization');
      options.off = part;
    } else if (arg === '--query') {
      const shape = argv[++i];
      if (shape !== 'full' && !(shape in PART_QUERIES)) throw new Error(`--query takes full, ${Object.keys(PART_QUERIES).join(' or ')}`);
      options.query = shape as InquiryShape;
    } else if (arg === '--profile') options.profile = true;
    else if (['--requests', '--connections', '--warmup', '--persons', '--compare'].includes(arg)) {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 0) throw new Error(`${arg} needs a whole number`);
      (options as unknown as Record<string, number>)[arg.slice(2)] = value;
    } else throw new Error(`unknown option ${arg}`);
  }
  // A comparison measures every variant itself, unprofiled: one profiled server would not compare with the others.
  if (options.compare > 0 && (options.profile || options.off)) throw new Error('--compare measures every variant itself: without --profile or --off');
  return options;
}

const log = (line: string) => process.stderr.write(`[bench:cpu] ${line}\n`);

function serverProcess(spec: BenchServerSpec) {
  const child = fork(path.join(__dirname, 'bench-server.js'), [], {
    env: serverProcessEnv(spec),
    execArgv: serverNodeArgs(),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T extends BenchServerMessage['type']>(type: T, send?: object) =>
    new Promise<Extract<BenchServerMessage, { type: T }>>((resolve, reject) => {
      const onMessage = (message: BenchServerMessage) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as Extract<BenchServerMessage, { type: T }>);
      };
      const onExit = (code: number | null) => reject(new Error(`bench server exited (${code}) before '${type}'`));
      child.on('message', onMessage);
      child.once('exit', onExit);
      if (send) child.send(send);
    });
  return { child, next };
}

interface Counted {
  /** Counted on the hub's pools (audit appends, on the audit writer's own pool, not included). */
  pools: Record<string, number>;
  /** Counted by PostgreSQL (pg_stat_statements), audit appends included. */
  postgres: StatementCalls;
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** What each count grew by between two readings, per inquiry. */
const perInquiry = (after: Record<string, number>, before: Record<string, number>, inquiries: number) =>
  Object.fromEntries(Object.keys(after).map((k) => [k, (after[k] - (before[k] ?? 0)) / inquiries]));

/** PostgreSQL's statements between two readings, per inquiry. */
const callsPerInquiry = (after: StatementCalls, before: StatementCalls, inquiries: number): StatementCalls => ({
  byDatabase: perInquiry(after.byDatabase, before.byDatabase, inquiries),
  auditAppend: (after.auditAppend - before.auditAppend) / inquiries,
});

/** Whether `body` answers the question `shape` asked about `inquiry`'s case, with no error. */
function rightAnswer(
  body: { errors?: unknown; data?: { executionCase?: { caseNo?: string; respondents?: unknown[] } } },
  inquiry: Inquiry,
  shape: InquiryShape,
) {
  const found = body.data?.executionCase;
  if (body.errors || found?.caseNo !== inquiry.caseNo) return false;
  return shape === 'case' ? found.respondents === undefined : found.respondents?.length === inquiry.respondents;
}

async function statementsPerInquiry(
  port: number,
  workload: Workload,
  stats: () => Promise<Record<string, number>>,
  hubUrl: string,
  shape: InquiryShape,
) {
  const sample = workload.inquiries.slice(0, 50);
  const names = databaseNames();
  const count = async (): Promise<Counted> => ({ pools: await stats(), postgres: await statementCalls(hubUrl, names) });
  const before = await count();
  for (const inquiry of sample) {
    const request = graphqlRequest(workload, inquiry, shape);
    const res = await fetch(`http://127.0.0.1:${port}${request.path}`, { method: 'POST', headers: request.headers, body: request.body });
    const body = (await res.json()) as Parameters<typeof rightAnswer>[0];
    if (res.status !== 200 || !rightAnswer(body, inquiry, shape)) {
      throw new Error(`wrong answer for ${inquiry.caseNo}: ${JSON.stringify(body).slice(0, 400)}`);
    }
  }
  const after = await count();
  const postgres = callsPerInquiry(after.postgres, before.postgres, sample.length);
  return { pools: perInquiry(after.pools, before.pools, sample.length), postgres: postgres.byDatabase, auditAppend: postgres.auditAppend };
}

async function measure(name: string, spec: BenchServerSpec, workload: Workload, options: Options, postgresPid: number, profileFile?: string) {
  const server = serverProcess(spec);
  try {
    const { port } = await server.next('ready');
    const stats = async () => (await server.next('stats', { type: 'stats' })).statements;
    const counted = await statementsPerInquiry(port, workload, stats, spec.urls.hub, options.query);
    let cursor = 0;
    const next = (): HttpRequestShape => graphqlRequest(workload, workload.inquiries[cursor++ % workload.inquiries.length], options.query);
    const base = { port, connections: options.connections, next, serverPid: server.child.pid!, postgresPid, durationS: 0 };
    await runLoad({ ...base, amount: options.warmup });
    if (profileFile) await server.next('profiling', { type: 'profile-start' });
    const names = databaseNames();
    const callsBefore = await statementCalls(spec.urls.hub, names);
    const result = await runLoad({ ...base, amount: options.requests });
    const callsAfter = await statementCalls(spec.urls.hub, names);
    if (profileFile) await server.next('profiled', { type: 'profile-stop', file: profileFile });
    if (result.non2xx || result.answerErrors || result.socketErrors) throw new Error(`${name}: answers with errors`);
    return {
      name,
      requests: result.requests,
      cpu: result.cpuMsPerRequest,
      postgresByPart: result.postgresCpuMsByPart,
      // Under load requests share a source's statements and the audit's appends: fewer per inquiry than one by one.
      underLoad: callsPerInquiry(callsAfter, callsBefore, result.requests),
      ...counted,
      total: sum(counted.pools),
      totalPostgres: sum(counted.postgres),
    };
  } finally {
    await new Promise<void>((resolve) => {
      server.child.once('exit', () => resolve());
      server.child.send({ type: 'stop' });
    });
  }
}

/**
 * PostgreSQL's CPU per inquiry by where it was spent: each database's backends (named by the hub's key for it), then
 * the background processes and those that ended during the run.
 */
function postgresPartsTable(runs: Array<{ name: string; postgresByPart: Record<string, number> }>): string[] {
  const names = databaseNames();
  const keyOf = new Map(Object.entries(names).map(([key, name]) => [name, key]));
  const label = (part: string) => keyOf.get(part) ?? part;
  const databases = Object.keys(names);
  const others = [...new Set(runs.flatMap((r) => Object.keys(r.postgresByPart).map(label)))].filter((p) => !databases.includes(p)).sort();
  const parts = [...databases, ...others];
  const rows = runs.map((r) => {
    const byLabel = new Map<string, number>();
    for (const [part, ms] of Object.entries(r.postgresByPart)) byLabel.set(label(part), (byLabel.get(label(part)) ?? 0) + ms);
    return `| ${r.name} | ${parts.map((p) => (byLabel.get(p) ?? 0).toFixed(2)).join(' | ')} |`;
  });
  return [
    'PostgreSQL CPU ms per inquiry by database (its backends) and by background process:',
    '',
    `| server | ${parts.join(' | ')} |`,
    `|---|${parts.map(() => '---:|').join('')}`,
    ...rows,
  ];
}

/** The variant `--off` names: the hub with that part switched off. */
const OFF: Record<string, string> = { audit: NO_AUDIT, authorization: NO_AUTHORIZATION };

const variant = (scenario: string) => HUB_VARIANTS.find((v) => v.scenario === scenario)!;

/** Per part switched off: the CPU it adds to the full hub per inquiry, round by round, and the medians. */
function costTable(rounds: Array<Record<string, { cpu: { server: number; postgres: number } }>>): string[] {
  const lines = [
    'What each part adds to the full hub per inquiry (full hub minus the variant of the same round; median of the rounds):',
    '',
    '| part | CPU ms added, hub | CPU ms added, PostgreSQL | share of the full hub’s CPU | per round (share) |',
    '|---|---:|---:|---:|---|',
  ];
  const cpu = rounds.map((r) => Object.fromEntries(Object.entries(r).map(([scenario, run]) => [scenario, run.cpu])));
  for (const { part, without } of COSTS.filter((c) => c.without in rounds[0])) {
    const added = addedCpu(cpu, without);
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    lines.push(
      `| ${part} | ${median(added.server).toFixed(2)} | ${median(added.postgres).toFixed(2)} | **${pct(median(added.share))}** | ${added.share.map(pct).join(', ')} |`,
    );
  }
  const full = rounds.map((r) => r[FULL].cpu.server + r[FULL].cpu.postgres);
  lines.push(
    '',
    `Full hub, CPU ms per inquiry (hub + PostgreSQL) per round: ${rounds.map((r) => `${r[FULL].cpu.server.toFixed(2)} + ${r[FULL].cpu.postgres.toFixed(2)}`).join(', ')}; median total ${median(full).toFixed(2)}`,
  );
  return lines;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const spec = { name: `persons-${options.persons / 1000}k`, persons: options.persons, enterprises: options.persons / 10, seed: 1 };
  const ds = await openDataset(spec, log, { statementStatistics: true });
  const lines: string[] = [];
  try {
    const config = loadConfig(benchHubEnv({ urls: ds.urls, dataDir: ds.dataDir, env: {} }));
    const workload = await loadWorkload(ds.urls.hub, config, 2000);
    const startedAt = new Date().toISOString();
    const profileFile = path.join(BENCH_DATA, 'profiles', `cpu-${startedAt.replace(/[:.]/g, '-')}.cpuprofile`);
    if (options.profile) fs.mkdirSync(path.dirname(profileFile), { recursive: true });
    const base = { urls: ds.urls, dataDir: ds.dataDir, mode: 'hub' as const };
    const runs: Array<Awaited<ReturnType<typeof measure>>> = [];
    const compared: Array<Record<string, Awaited<ReturnType<typeof measure>>>> = [];
    if (options.compare > 0) {
      // Every round measures the full hub and each part switched off (and both, with --bare), in that order.
      const scenarios = [FULL, NO_AUTHORIZATION, NO_AUDIT, ...(options.bare ? [BARE] : [])];
      for (let round = 1; round <= options.compare; round += 1) {
        const results: Record<string, Awaited<ReturnType<typeof measure>>> = {};
        for (const scenario of scenarios) {
          results[scenario] = await measure(
            `${scenario} (round ${round})`,
            { ...base, env: variant(scenario).env },
            workload,
            options,
            ds.postmasterPid(),
          );
          runs.push(results[scenario]);
        }
        compared.push(results);
      }
    } else {
      const scenario = options.off ? OFF[options.off] : FULL;
      runs.push(
        await measure(
          scenario,
          { ...base, env: variant(scenario).env },
          workload,
          options,
          ds.postmasterPid(),
          options.profile ? profileFile : undefined,
        ),
      );
      if (options.bare) runs.push(await measure(BARE, { ...base, env: variant(BARE).env }, workload, options, ds.postmasterPid()));
    }
    lines.push(
      `${startedAt}: ${options.requests} ${options.query === 'full' ? 'inquiries' : `requests asking --query ${options.query}`} after ${options.warmup} warm-up, ${options.connections} connections, ` +
        `${ds.record.persons.toLocaleString('en')} persons, load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
      '',
      '| server | CPU ms/inquiry hub | CPU ms/inquiry PostgreSQL | statements/inquiry (pools) | by database | statements/inquiry (PostgreSQL) | by database | of which audit append |',
      '|---|---:|---:|---:|---|---:|---|---:|',
    );
    const by = (counts: Record<string, number>) =>
      Object.entries(counts)
        .map(([k, v]) => `${k} ${Number(v.toFixed(2))}`)
        .join(', ');
    for (const r of runs) {
      lines.push(
        `| ${r.name} | ${r.cpu.server.toFixed(2)} | ${r.cpu.postgres.toFixed(2)} | ${r.total.toFixed(2)} | ${by(r.pools)} | ` +
          `${r.totalPostgres.toFixed(2)} | ${by(r.postgres)} | ${r.auditAppend.toFixed(2)} |`,
      );
    }
    lines.push(
      '',
      'Statements per inquiry over the measured run, as PostgreSQL counts them (requests sharing statements and appends):',
      '',
      '| server | statements/inquiry | by database | of which audit append |',
      '|---|---:|---|---:|',
      ...runs.map(
        (r) => `| ${r.name} | ${sum(r.underLoad.byDatabase).toFixed(2)} | ${by(r.underLoad.byDatabase)} | ${r.underLoad.auditAppend.toFixed(2)} |`,
      ),
    );
    lines.push('', ...postgresPartsTable(runs));
    if (compared.length > 0) lines.push('', ...costTable(compared));
    if (options.profile)
      lines.push(
        '',
        `${runs[0].name[0].toUpperCase()}${runs[0].name.slice(1)}, self time over the measured inquiries:`,
        '',
        '```',
        summariseProfile(profileFile, 30),
        '```',
      );
  } finally {
    await ds.stop();
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:cpu failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
