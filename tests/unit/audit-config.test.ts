import { loadAuditConfig } from '../../src/audit/audit-config';
import { ConfigError } from '../../src/config';

describe('audit configuration', () => {
  it('defaults to a checkpoint every five minutes and a five-second append limit', () => {
    expect(loadAuditConfig({}, 'production')).toEqual({
      checkpointIntervalMs: 300_000,
      signingKeyPem: undefined,
      writeTimeoutMs: 5000,
      disabledForBenchmark: false,
    });
  });

  it('accepts 0 to sign checkpoints only on demand', () => {
    expect(loadAuditConfig({ AUDIT_CHECKPOINT_INTERVAL_MS: '0' }, 'test').checkpointIntervalMs).toBe(0);
  });

  it('refuses to switch the audit log off in production', () => {
    expect(() => loadAuditConfig({ AUDIT_DISABLED_FOR_BENCHMARK: 'true' }, 'production')).toThrow(ConfigError);
    expect(loadAuditConfig({ AUDIT_DISABLED_FOR_BENCHMARK: 'true' }, 'test').disabledForBenchmark).toBe(true);
  });

  it.each([
    ['AUDIT_CHECKPOINT_INTERVAL_MS', '500'],
    ['AUDIT_CHECKPOINT_INTERVAL_MS', 'soon'],
    ['AUDIT_WRITE_TIMEOUT_MS', '0'],
    ['AUDIT_SIGNING_KEY', 'not a key'],
  ])('names %s when it is %s', (name, value) => {
    expect(() => loadAuditConfig({ [name]: value }, 'test')).toThrow(new RegExp(name));
  });
});
