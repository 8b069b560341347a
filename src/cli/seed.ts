/**
 * Fills the hub and every source database with consistent synthetic data:
 *   npm run seed -- --persons 1000000 --enterprises 100000 --seed 7
 * Uses the configured database URLs, or the embedded PostgreSQL under DATA_DIR for those without one,
 * and applies pending migrations first.
 */
import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config';
import { connectAndMigrate, DATABASE_KEYS, resolveDatabases, type OpenDatabases } from '../databases/open-databases';
import { generateSynthetic, type GenerationSummary } from '../seed/synthetic-generator';
import { datasetProblem } from '../seed/synthetic-rows';

const USAGE = `usage: npm run seed -- [--persons N] [--enterprises M] [--seed S] [--as-of YYYY-MM-DD]
  --persons      natural persons to generate (default 1000, at most 5000000)
  --enterprises  enterprises to generate, at most the number of persons (default 100)
  --seed         integer or word; the same seed and sizes give the same data (default 1)
  --as-of        the day the data describes (default fixed, so runs are reproducible)`;

class UsageError extends Error {}

export interface SeedArgs {
  persons: number;
  enterprises: number;
  seed: number | string;
  asOf?: string;
  help: boolean;
}

export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  const args: SeedArgs = { persons: 1000, enterprises: 100, seed: 1, help: false };
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      args.help = true;
      continue;
    }
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new UsageError(`unexpected argument "${arg}"`);
    const [, name, inline] = m;
    if (!['persons', 'enterprises', 'seed', 'as-of'].includes(name)) throw new UsageError(`unknown option --${name}`);
    if (seen.has(name)) throw new UsageError(`--${name} given twice`);
    seen.add(name);
    const value = inline ?? argv[++i];
    if (value === undefined || value === '' || (inline === undefined && value.startsWith('--'))) {
      throw new UsageError(`--${name} needs a value`);
    }
    if (name === 'persons' || name === 'enterprises') {
      if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(Number(value))) {
        throw new UsageError(`--${name} must be a whole number, got "${value}"`);
      }
      args[name] = Number(value);
    } else if (name === 'seed') {
      args.seed = /^-?[0-9]+$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : value;
    } else {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
        throw new UsageError(`--as-of must be a date YYYY-MM-DD, got "${value}"`);
      }
      args.asOf = value;
    }
  }
  const problem = datasetProblem(args);
  if (problem) throw new UsageError(problem);
  return args;
}

const log = (line: string) => process.stderr.write(`[seed] ${line}\n`);

/** Progress to stderr at most every few seconds, only for runs long enough to need it. */
function progressReporter(total: number): (done: number, all: number, phase: string) => void {
  const started = Date.now();
  let last = started;
  return (done, all, phase) => {
    const now = Date.now();
    if (total < 50_000 || phase !== 'chunks' || now - last < 5_000) return;
    last = now;
    const rate = done / ((now - started) / 1000);
    const eta = rate > 0 ? Math.round((all - done) / rate) : 0;
    log(`${done.toLocaleString('en')}/${all.toLocaleString('en')} persons, ${Math.round(rate).toLocaleString('en')}/s, ~${eta}s left`);
  };
}

function printSummary(s: GenerationSummary): void {
  const lines = [
    `seed ${JSON.stringify(s.seed)}: ${s.persons} persons, ${s.enterprises} enterprises in ${s.chunks} chunk(s), ${(s.elapsedMs / 1000).toFixed(1)} s`,
    `case numbers from 执${s.numbering.executionSeqBase} / 破${s.numbering.bankruptcySeqBase}`,
    'rows inserted:',
  ];
  const width = Math.max(...Object.keys(s.inserted).map((k) => k.length));
  for (const [table, count] of Object.entries(s.inserted)) lines.push(`  ${table.padEnd(width)}  ${String(count).padStart(10)}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<number> {
  let args: SeedArgs;
  try {
    args = parseSeedArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let databases: OpenDatabases | undefined;
  // Ctrl-C on a long run: stop the embedded PostgreSQL rather than leave it running.
  process.once('SIGINT', () => {
    log('interrupted; stopping');
    void (databases?.close() ?? Promise.resolve()).finally(() => process.exit(130));
  });
  try {
    const config = loadConfig();
    databases = await resolveDatabases(config, log, { shareRunning: true });
    for (const key of DATABASE_KEYS) {
      const { dataSource } = await connectAndMigrate(key, databases.urls[key], { migrate: true, poolSize: 1 }, log);
      await dataSource.destroy();
    }
    log(`generating ${args.persons} persons and ${args.enterprises} enterprises (seed ${JSON.stringify(args.seed)})`);
    const summary = await generateSynthetic(databases.urls, {
      persons: args.persons,
      enterprises: args.enterprises,
      seed: args.seed,
      asOf: args.asOf,
      onProgress: progressReporter(args.persons),
    });
    printSummary(summary);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`configuration error: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await databases?.close();
  }
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
