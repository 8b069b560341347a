import path from 'node:path';
import { loadAuditConfig, type AuditConfig } from './audit/audit-config';
import { HUB_DATABASE, SOURCE_DATABASES, SOURCE_NAMES, type SourceName } from './sources/source-name';

export type DatabaseKey = 'hub' | SourceName;

export interface HubConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  /** Connection URL per database; absent ones are served by the embedded PostgreSQL. */
  databaseUrls: Partial<Record<DatabaseKey, string>>;
  /** Run source migrations (off when the sources are the agencies' own databases). */
  migrateSources: boolean;
  /** Seed demo data when the hub database is empty. */
  seedDemo: boolean;
  auth: {
    issuer: string;
    audience: string;
    /** PEM (SPKI) public key of an external issuer; when absent with no JWKS URL, the local key in dataDir is used. */
    publicKeyPem?: string;
    /** Algorithm of `publicKeyPem`: EdDSA, ES256, RS256 … */
    publicKeyAlgorithm: string;
    jwksUrl?: string;
    /** Claim that carries the username. */
    usernameClaim: string;
    tokenTtl: string;
    /** Longest a token may live (`exp` − `iat`), in seconds; longer ones are refused. */
    maxTokenLifetimeSeconds: number;
  };
  /** Automatic persisted queries (off unless PERSISTED_QUERIES=true: a shared cache tells one user what another sent). */
  persistedQueries: boolean;
  sourceTimeoutMs: number;
  /** How long the user a token names is reused between requests at most (src/auth/viewer-cache.ts); 0: read on every request. */
  viewerCacheMs: number;
  /**
   * Statements a source runs at once for inquiries before the lookups of further concurrent requests wait and go
   * together as one (0: each request's own statement), and the longest such a lookup waits.
   */
  sourceSharedStatements: number;
  sourceSharedWaitMs: number;
  audit: AuditConfig;
  /** Consecutive failures (timeouts or errors) after which a source's circuit opens. */
  sourceBreakerFailures: number;
  /** How long an open circuit skips its source before one probe is let through. */
  sourceBreakerCooldownMs: number;
  /** Interval between background connection attempts to a source that is unreachable. */
  sourceRetryMs: number;
  /** pino level; `silent` turns logging off. */
  logLevel: string;
  /** Subjects one user may read per minute (sliding window, per hub process); 0 turns the limit off. */
  subjectReadRateLimit: number;
  /** Control orders: delivery, the agencies' reference processor, lapse and expiry warnings (README "Asset control"). */
  control: ControlConfig;
  /** Dishonest-list checks by agencies (README "Dishonest-list checks by agencies"). */
  checks: ChecksConfig;
  /** The job runner inside this process (src/jobs/job-runner.ts): every feature's jobs on the one queue. */
  jobs: JobsConfig;
  /** Benchmarks only (SHIELD_DISABLED_FOR_BENCHMARK): no field authorization or masking. Refused when NODE_ENV=production. */
  shieldDisabledForBenchmark: boolean;
}

export interface ControlConfig {
  /** Sources whose agency answers by hand (AGENCY users) instead of the reference processor. */
  manualSources: SourceName[];
  /** First pause before a failed delivery or collection is tried again; doubles per attempt, at most a minute. */
  retryMs: number;
  /** Days before a measure's end that its clerk is warned. */
  expiryWarningDays: number;
  /** Costs added to the amount due when weighing over-seizure (0.05 = 5 %). */
  costRate: number;
  /**
   * Days an agency has to answer a request sent to it before the order is overdue (control/overdue-answers.ts): the
   * court is told, `overdueControlOrders` and supervision list it, the statistics count receipts within it.
   */
  answerDays: number;
  /** Bankruptcy coordination (README "Bankruptcy coordination"). */
  bankruptcy: BankruptcyConfig;
}

export interface BankruptcyConfig {
  /** Public holidays (no working days), `YYYY-MM-DD`, from HOLIDAYS; the operator's working calendar adds to them and wins. */
  holidays: string[];
  /** Weekend days worked in exchange for a holiday (调休), from MAKEUP_WORKDAYS; the operator's working calendar adds to them and wins. */
  makeupWorkdays: string[];
  /** Working days a release task is due in after the acceptance sweep (RELEASE_TASK_WORKING_DAYS, default 10). */
  releaseWorkingDays: number;
  /** Days the bankruptcy tribunal has to decide on a transfer (TRANSFER_DECISION_DAYS, default 7). */
  transferDecisionDays: number;
}

export interface ChecksConfig {
  /** Subjects one agency may check per minute through `checkDishonest` (sliding window, per hub process); 0 = no limit. */
  perMinute: number;
  /** Batch uploads one agency may make per hour (per hub process); 0 = no limit. */
  batchesPerHour: number;
  /** Most ID lines one batch file may hold; the line past it refuses the upload (HTTP 413). */
  batchMaxLines: number;
}

export interface JobsConfig {
  /** Run the job runner inside this process (JOB_WORKER, formerly CONTROL_WORKER); off, jobs wait in the queue. */
  worker: boolean;
  /** Jobs run at once (JOB_CONCURRENCY, default 6); at most two of them are dishonest-list checks. */
  concurrency: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export class ConfigError extends Error {}

/** The integer setting `name`, between min and max (or 0 when `zeroAllowed`, e.g. "off"); `fallback` when unset. */
export function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number, zeroAllowed = false): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || ((value < min || value > max) && !(zeroAllowed && value === 0))) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max}${zeroAllowed ? ' (or 0)' : ''}, got "${raw}"`);
  }
  return value;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function url(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new ConfigError(`${name} must be a postgres:// URL`);
  return raw;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** `30m`, `8h`, `1d` → seconds; null when malformed. */
export function durationSeconds(value: string): number | null {
  const m = /^(\d{1,6})([smhd])$/.exec(value);
  return m ? Number(m[1]) * UNIT_SECONDS[m[2]] : null;
}

function logLevel(env: NodeJS.ProcessEnv, nodeEnv: string): string {
  const raw = env.LOG_LEVEL;
  if (raw === undefined || raw === '') return nodeEnv === 'test' ? 'silent' : 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return raw;
}

function shieldDisabled(env: NodeJS.ProcessEnv, nodeEnv: string): boolean {
  const disabled = bool(env, 'SHIELD_DISABLED_FOR_BENCHMARK', false);
  if (disabled && nodeEnv === 'production') throw new ConfigError('SHIELD_DISABLED_FOR_BENCHMARK is refused when NODE_ENV=production');
  return disabled;
}

/** Reads and validates the environment; throws ConfigError naming the variable at fault. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const nodeEnv = (env.NODE_ENV ?? 'development') as HubConfig['nodeEnv'];
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${nodeEnv}"`);
  }
  const databaseUrls: HubConfig['databaseUrls'] = {};
  const hubUrl = url(env, HUB_DATABASE.envVar);
  if (hubUrl) databaseUrls.hub = hubUrl;
  for (const source of SOURCE_NAMES) {
    const value = url(env, SOURCE_DATABASES[source].envVar);
    if (value) databaseUrls[source] = value;
  }
  const publicKeyPem = env.JWT_PUBLIC_KEY?.replace(/\\n/g, '\n');
  if (publicKeyPem && !publicKeyPem.includes('BEGIN PUBLIC KEY')) {
    throw new ConfigError('JWT_PUBLIC_KEY must be a PEM-encoded SPKI public key');
  }
  const publicKeyAlgorithm = env.JWT_ALGORITHM || 'EdDSA';
  if (!/^(EdDSA|ES(256|384|512)|RS(256|384|512)|PS(256|384|512))$/.test(publicKeyAlgorithm)) {
    throw new ConfigError(`JWT_ALGORITHM must be EdDSA, ES256/384/512, RS256/384/512 or PS256/384/512, got "${publicKeyAlgorithm}"`);
  }
  const jwksUrl = env.JWT_JWKS_URL || undefined;
  if (jwksUrl && !/^https?:\/\//.test(jwksUrl)) throw new ConfigError('JWT_JWKS_URL must be an http(s) URL');
  const maxTokenLifetimeSeconds = durationSeconds(env.JWT_MAX_LIFETIME || '12h');
  if (!maxTokenLifetimeSeconds) throw new ConfigError(`JWT_MAX_LIFETIME must be a duration such as 12h or 90m, got "${env.JWT_MAX_LIFETIME}"`);
  const tokenTtl = env.JWT_TTL || '8h';
  const ttlSeconds = durationSeconds(tokenTtl);
  if (!ttlSeconds || ttlSeconds > maxTokenLifetimeSeconds) {
    throw new ConfigError(`JWT_TTL must be a duration such as 8h, at most JWT_MAX_LIFETIME (${maxTokenLifetimeSeconds} s), got "${tokenTtl}"`);
  }
  return {
    nodeEnv,
    port: intSetting(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR || '.data'),
    databaseUrls,
    migrateSources: bool(env, 'MIGRATE_SOURCES', true),
    seedDemo: bool(env, 'SEED_DEMO', true),
    auth: {
      issuer: env.JWT_ISSUER || 'fuyuantong',
      audience: env.JWT_AUDIENCE || 'fuyuantong',
      publicKeyPem,
      publicKeyAlgorithm,
      jwksUrl,
      usernameClaim: env.JWT_USERNAME_CLAIM || 'sub',
      tokenTtl,
      maxTokenLifetimeSeconds,
    },
    persistedQueries: bool(env, 'PERSISTED_QUERIES', false),
    sourceTimeoutMs: intSetting(env, 'SOURCE_TIMEOUT_MS', 3000, 50, 120000),
    viewerCacheMs: intSetting(env, 'VIEWER_CACHE_MS', 600000, 1000, 3600000, true),
    sourceSharedStatements: intSetting(env, 'SOURCE_SHARED_STATEMENTS', 1, 0, 100, true),
    sourceSharedWaitMs: intSetting(env, 'SOURCE_SHARED_WAIT_MS', 5, 0, 1000, true),
    audit: loadAuditConfig(env, nodeEnv),
    sourceBreakerFailures: intSetting(env, 'SOURCE_BREAKER_FAILURES', 5, 1, 1000),
    sourceBreakerCooldownMs: intSetting(env, 'SOURCE_BREAKER_COOLDOWN_MS', 30000, 100, 3600000),
    sourceRetryMs: intSetting(env, 'SOURCE_RETRY_MS', 5000, 50, 3600000),
    logLevel: logLevel(env, nodeEnv),
    subjectReadRateLimit: intSetting(env, 'SUBJECT_READ_RATE_LIMIT', 120, 0, 1000000),
    shieldDisabledForBenchmark: shieldDisabled(env, nodeEnv),
    control: {
      manualSources: manualSources(env),
      retryMs: intSetting(env, 'ASSISTANCE_RETRY_MS', 2000, 10, 3600000),
      expiryWarningDays: intSetting(env, 'EXPIRY_WARNING_DAYS', 30, 0, 365),
      costRate: intSetting(env, 'OVER_SEIZURE_COST_PERCENT', 5, 0, 100) / 100,
      answerDays: intSetting(env, 'ASSISTANCE_ANSWER_DAYS', 3, 1, 365),
      bankruptcy: {
        holidays: dateList(env, 'HOLIDAYS'),
        makeupWorkdays: dateList(env, 'MAKEUP_WORKDAYS'),
        releaseWorkingDays: intSetting(env, 'RELEASE_TASK_WORKING_DAYS', 10, 1, 60),
        transferDecisionDays: intSetting(env, 'TRANSFER_DECISION_DAYS', 7, 1, 90),
      },
    },
    checks: {
      perMinute: intSetting(env, 'DISHONEST_CHECKS_PER_MINUTE', 1000, 0, 10000000),
      batchesPerHour: intSetting(env, 'DISHONEST_BATCHES_PER_HOUR', 20, 0, 100000),
      batchMaxLines: intSetting(env, 'DISHONEST_BATCH_MAX_LINES', 100000, 1, 10000000),
    },
    jobs: {
      // CONTROL_WORKER is the setting's earlier name, still read when JOB_WORKER is not set.
      worker: env.JOB_WORKER !== undefined && env.JOB_WORKER !== '' ? bool(env, 'JOB_WORKER', true) : bool(env, 'CONTROL_WORKER', true),
      // Three at least: the checks' two lanes never take every slot (src/jobs/job-runner.ts).
      concurrency: intSetting(env, 'JOB_CONCURRENCY', 6, 3, 64),
    },
  };
}

function dateList(env: NodeJS.ProcessEnv, name: string): string[] {
  const dates = (env[name] ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  for (const d of dates) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`)))
      throw new ConfigError(`${name} must list dates YYYY-MM-DD, got "${d}"`);
  }
  return dates;
}

function manualSources(env: NodeJS.ProcessEnv): SourceName[] {
  const names = (env.ASSISTANCE_MANUAL_SOURCES ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  for (const n of names) {
    if (!(SOURCE_NAMES as readonly string[]).includes(n)) throw new ConfigError(`ASSISTANCE_MANUAL_SOURCES names an unknown source "${n}"`);
  }
  return names as SourceName[];
}
