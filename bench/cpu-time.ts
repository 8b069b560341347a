// CPU time from /proc, for the benchmarks: a process's own, and PostgreSQL's, in all and by where it was spent (each
// database's backends, each kind of background process, and the processes that ended, whose time the postmaster
// collects when it reaps them).

import fs from 'node:fs';

/** Clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
const TICKS = 100;

/**
 * The fields of a `/proc/<pid>/stat` line from the state (its 3rd) on, so that the parent's pid is `[1]` and utime,
 * stime, cutime and cstime are `[11]` to `[14]`. The command before them, in parentheses, may itself hold spaces and
 * parentheses (a PostgreSQL title does), so the line is cut at its last `)`.
 */
export function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** User + system CPU seconds a process has used so far. */
export function processCpuSeconds(pid: number): number {
  const f = statFields(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  return (Number(f[11]) + Number(f[12])) / TICKS;
}

/** The same in ms. */
export const processCpuMs = (pid: number) => processCpuSeconds(pid) * 1000;

/** User + system CPU seconds this process's main thread (its JavaScript, the event loop's reads and writes) has used. */
export function mainThreadCpuSeconds(): number {
  const f = statFields(fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8'));
  return (Number(f[11]) + Number(f[12])) / TICKS;
}

/** The part of the cluster a process's CPU time is counted under. */
export const ENDED = 'ended processes';

/**
 * The part a PostgreSQL process title names: a backend's database (`postgres: <user> <database> <client> <activity>`,
 * the client being `[local]` or a host, with its port in parentheses) or a background process's kind, numbers
 * dropped (`postgres: io worker 1` → `io worker`).
 */
export function partOfTitle(title: string): string {
  const words = title
    .replace(/^postgres:\s*/, '')
    .trim()
    .split(/\s+/);
  const client = words.findIndex((w, i) => i >= 2 && (w === '[local]' || /\(\d+\)$/.test(w)));
  if (client >= 2) return words[client - 1];
  return words.filter((w) => !/^\d+$/.test(w)).join(' ') || 'postmaster';
}

/**
 * Calls `visit` with the stat fields of a postmaster and of each of its children (`pid` being the child's, or null for
 * the postmaster itself). A process that ends while being read is left out.
 */
function eachPostgresProcess(postmaster: number, visit: (fields: string[], pid: number | null) => void): void {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const f = statFields(fs.readFileSync(`/proc/${entry}/stat`, 'utf8'));
      if (Number(entry) === postmaster) visit(f, null);
      else if (Number(f[1]) === postmaster) visit(f, Number(entry));
    } catch {
      // The process ended while being read.
    }
  }
}

/**
 * CPU seconds (user + system) of a postmaster and each of its children by part, those that have ended included (under
 * `ENDED`): the postmaster reaps its children, so their time is in its own cutime and cstime. Without them a worker
 * that ends during a run (autovacuum, a closed connection) would take its whole time off the figure.
 */
export function postgresCpuByPart(postmaster: number): Map<string, number> {
  const parts = new Map<string, number>();
  const add = (part: string, ticks: number) => parts.set(part, (parts.get(part) ?? 0) + ticks / TICKS);
  eachPostgresProcess(postmaster, (f, pid) => {
    if (pid === null) {
      add('postmaster', Number(f[11]) + Number(f[12]));
      add(ENDED, Number(f[13]) + Number(f[14]));
      return;
    }
    let title: string;
    try {
      title = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      return; // Ended between its two files: its time is counted under ENDED at the next reading.
    }
    add(partOfTitle(title), Number(f[11]) + Number(f[12]));
  });
  return parts;
}

/** CPU seconds of a postmaster and all its children, those that have ended included (no titles read). */
export function postgresCpuSeconds(postmaster: number): number {
  let ticks = 0;
  eachPostgresProcess(postmaster, (f, pid) => {
    ticks += Number(f[11]) + Number(f[12]) + (pid === null ? Number(f[13]) + Number(f[14]) : 0);
  });
  return ticks / TICKS;
}

/**
 * What each part spent between two readings. A backend that ended in between moves its time from its database to
 * `ENDED`, so a part's figure can be off by what such processes had spent before the first reading.
 */
export function cpuSpent(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const spent = new Map<string, number>();
  for (const part of new Set([...before.keys(), ...after.keys()])) spent.set(part, (after.get(part) ?? 0) - (before.get(part) ?? 0));
  return spent;
}
