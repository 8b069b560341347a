import { spawn, spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import {
  cpuSpent,
  ENDED,
  mainThreadCpuSeconds,
  partOfTitle,
  postgresCpuByPart,
  postgresCpuSeconds,
  processCpuSeconds,
  statFields,
} from '../../bench/cpu-time';

// `npm run bench:cpu` splits PostgreSQL's CPU by the title each process shows (as `ps` does).
describe('the part of PostgreSQL a process title names', () => {
  it('names a backend by its database, whatever its client and activity', () => {
    expect(partOfTitle('postgres: fuyuantong fuyuantong_hub [local] idle ')).toBe('fuyuantong_hub');
    expect(partOfTitle('postgres: fuyuantong fuyuantong_tax [local] SELECT')).toBe('fuyuantong_tax');
    expect(partOfTitle('postgres: auditor fuyuantong_hub 127.0.0.1(51234) idle in transaction')).toBe('fuyuantong_hub');
  });

  it('names a background process by its kind, numbers dropped', () => {
    expect(partOfTitle('postgres: io worker 1 ')).toBe('io worker');
    expect(partOfTitle('postgres: walwriter ')).toBe('walwriter');
    expect(partOfTitle('postgres: autovacuum worker ')).toBe('autovacuum worker');
    expect(partOfTitle('postgres: logical replication launcher ')).toBe('logical replication launcher');
  });

  it('takes each part’s time between two readings, parts that appear or vanish included', () => {
    const spent = cpuSpent(
      new Map([
        ['fuyuantong_hub', 2],
        ['walwriter', 1],
      ]),
      new Map([
        ['fuyuantong_hub', 3.5],
        ['autovacuum worker', 0.25],
      ]),
    );
    expect(Object.fromEntries(spent)).toEqual({ fuyuantong_hub: 1.5, walwriter: -1, 'autovacuum worker': 0.25 });
  });
});

describe('a process’s CPU time from /proc', () => {
  it('reads the fields after the command, whatever spaces and parentheses the command holds', () => {
    const stat = '4242 (postgres: a b) (1) S) S 17 4242 4242 0 -1 4194560 90 0 0 0 731 215 3 4 20 0 1 0';
    const f = statFields(stat);
    expect(f[0]).toBe('S');
    expect(f[1]).toBe('17');
    expect(f.slice(11, 15)).toEqual(['731', '215', '3', '4']);
  });

  it('counts this process’s own work as Node counts it', () => {
    const before = processCpuSeconds(process.pid);
    // 200 ms of CPU by Node's own count (all threads, as /proc counts the process), however busy the machine is.
    const start = process.cpuUsage();
    const used = () => {
      const { user, system } = process.cpuUsage(start);
      return (user + system) / 1e6;
    };
    while (used() < 0.2);
    const read = processCpuSeconds(process.pid) - before;
    // /proc counts in ticks of 10 ms, user and system each rounded down.
    expect(read).toBeGreaterThanOrEqual(0.18);
    expect(read).toBeLessThan(used() + 0.05);
  });

  it('counts the main thread’s work apart from another thread’s', async () => {
    // A thread that spins for 400 ms of wall time while the main thread waits.
    const worker = new Worker('const t = Date.now(); while (Date.now() - t < 400);', { eval: true });
    const main0 = mainThreadCpuSeconds();
    const all0 = processCpuSeconds(process.pid);
    await new Promise((resolve) => worker.once('exit', resolve));
    const main = mainThreadCpuSeconds() - main0;
    const all = processCpuSeconds(process.pid) - all0;
    expect(all - main).toBeGreaterThanOrEqual(0.15);
    expect(main).toBeLessThan(0.1);
    // And the main thread's own spinning is its own.
    const spin0 = mainThreadCpuSeconds();
    const t = Date.now();
    while (Date.now() - t < 300);
    expect(mainThreadCpuSeconds() - spin0).toBeGreaterThanOrEqual(0.1);
  });
});

describe('a process tree’s CPU time, as read for PostgreSQL', () => {
  // This process stands for the postmaster: its children, running and ended, are counted with it.
  const BURN = 'const t = process.cpuUsage(); for (;;) { const u = process.cpuUsage(t); if (u.user + u.system > 300000) break; }';

  it('counts the children that ended and those still running, and the total agrees with the parts', async () => {
    const before = postgresCpuSeconds(process.pid);
    const partsBefore = postgresCpuByPart(process.pid);
    expect(spawnSync(process.execPath, ['-e', BURN]).status).toBe(0);
    const running = spawn(process.execPath, ['-e', `${BURN}; setInterval(() => {}, 1000)`]);
    try {
      // Until the running child has used its 300 ms too.
      for (let i = 0; i < 200; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        try {
          if (processCpuSeconds(running.pid!) >= 0.29) break;
        } catch {
          // Not in /proc yet.
        }
      }
      const total = postgresCpuSeconds(process.pid) - before;
      const parts = cpuSpent(partsBefore, postgresCpuByPart(process.pid));
      expect(total).toBeGreaterThanOrEqual(0.56);
      expect(parts.get(ENDED)).toBeGreaterThanOrEqual(0.28);
      let sum = 0;
      for (const seconds of parts.values()) sum += seconds;
      expect(Math.abs(sum - total)).toBeLessThan(0.1);
    } finally {
      running.kill();
    }
  });
});
