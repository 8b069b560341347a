import { cpuSpent, partOfTitle, processCpuSeconds, statFields } from '../../bench/cpu-time';

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
});
