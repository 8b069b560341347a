import { ConfigError, loadConfig } from '../../src/config';
import { taskListOf } from '../../src/jobs/job-runner';

describe('the job runner', () => {
  const config = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'test', ...env }).jobs;

  it('runs by default, six jobs at once', () => {
    expect(config({})).toEqual({ worker: true, concurrency: 6 });
  });

  it('is switched off by JOB_WORKER, or by its earlier name CONTROL_WORKER; JOB_WORKER wins when both are set', () => {
    expect(config({ JOB_WORKER: 'false' }).worker).toBe(false);
    expect(config({ CONTROL_WORKER: 'false' }).worker).toBe(false);
    expect(config({ JOB_WORKER: 'true', CONTROL_WORKER: 'false' }).worker).toBe(true);
    expect(config({ JOB_WORKER: 'false', CONTROL_WORKER: 'true' }).worker).toBe(false);
    expect(() => config({ JOB_WORKER: 'sometimes' })).toThrow(/JOB_WORKER/);
    expect(() => config({ CONTROL_WORKER: 'sometimes' })).toThrow(/CONTROL_WORKER/);
  });

  it('takes JOB_CONCURRENCY from three (the checks hold at most two slots) to 64', () => {
    expect(config({ JOB_CONCURRENCY: '3' }).concurrency).toBe(3);
    expect(config({ JOB_CONCURRENCY: '64' }).concurrency).toBe(64);
    expect(() => config({ JOB_CONCURRENCY: '2' })).toThrow(ConfigError);
    expect(() => config({ JOB_CONCURRENCY: '65' })).toThrow(/JOB_CONCURRENCY/);
  });

  it('merges the features’ tasks into one list and refuses a task name two features claim', () => {
    const task = async () => undefined;
    expect(
      Object.keys(
        taskListOf([
          { name: 'a', tasks: { one: task } },
          { name: 'b', tasks: { two: task } },
        ]),
      ),
    ).toEqual(['one', 'two']);
    expect(() =>
      taskListOf([
        { name: 'a', tasks: { one: task } },
        { name: 'b', tasks: { one: task } },
      ]),
    ).toThrow(/one is registered by both a and b/);
  });
});
