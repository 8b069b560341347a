import { ConfigError, intSetting } from '../config';

export interface AuditConfig {
  /** How often the chain head is signed (AUDIT_CHECKPOINT_INTERVAL_MS, default 5 minutes; 0 = only on demand). */
  checkpointIntervalMs: number;
  /** Ed25519 private key, PKCS#8 PEM (AUDIT_SIGNING_KEY); when absent, the key in the data directory is used. */
  signingKeyPem?: string;
  /** Longest an append may take before the request is refused (AUDIT_WRITE_TIMEOUT_MS, default 5 s). */
  writeTimeoutMs: number;
  /** Benchmarks only (AUDIT_DISABLED_FOR_BENCHMARK): nothing is recorded. Refused when NODE_ENV=production. */
  disabledForBenchmark: boolean;
}

export function loadAuditConfig(env: NodeJS.ProcessEnv, nodeEnv: string): AuditConfig {
  const disabled = /^(1|true|yes|on)$/i.test(env.AUDIT_DISABLED_FOR_BENCHMARK ?? '');
  if (disabled && nodeEnv === 'production') throw new ConfigError('AUDIT_DISABLED_FOR_BENCHMARK is refused when NODE_ENV=production');
  const pem = env.AUDIT_SIGNING_KEY?.replace(/\\n/g, '\n') || undefined;
  if (pem && !pem.includes('BEGIN PRIVATE KEY')) throw new ConfigError('AUDIT_SIGNING_KEY must be a PKCS#8 PEM Ed25519 private key');
  return {
    checkpointIntervalMs: intSetting(env, 'AUDIT_CHECKPOINT_INTERVAL_MS', 300_000, 1000, 86_400_000, true),
    signingKeyPem: pem,
    writeTimeoutMs: intSetting(env, 'AUDIT_WRITE_TIMEOUT_MS', 5000, 100, 60_000),
    disabledForBenchmark: disabled,
  };
}
