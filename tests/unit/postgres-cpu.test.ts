import { cpuSpent, partOfTitle } from '../../bench/postgres-cpu';

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
