// Summarises a V8 .cpuprofile (node --cpu-prof): self time by function and by package, largest first; with --under,
// the time spent in (and beneath) the frames whose file path contains a text, by the outermost such frame.
//   node dist/bench/profile-summary.js <file.cpuprofile> [top]
//   node dist/bench/profile-summary.js <file.cpuprofile> --under src/audit/ [top]
//   node dist/bench/profile-summary.js <file.cpuprofile> --minus <other.cpuprofile> --per 3000 [top]
// With --minus, the self time by function of the first profile less the second's, each divided by --per (the number of
// requests each profile covers): what one configuration spends per request beyond another, e.g. the full hub against
// the hub with audit off (`npm run bench:cpu -- --profile` and `-- --profile --off audit`).

import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where code lives: a package under node_modules, node's own internals, or this project. */
function owner(url: string): string {
  if (url === '') return '(native / VM)';
  if (url.startsWith('node:')) return 'node internals';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  const own = /\/(?:dist|dist-[a-z]+)\/(src|bench|migrations)\//.exec(url) ?? /\/(src|bench|migrations)\//.exec(url);
  return own ? `project ${own[1]}/` : url;
}

function shortUrl(url: string): string {
  const m =
    /node_modules\/(.*)$/.exec(url) ??
    /\/(?:dist|dist-[a-z]+)\/((?:src|bench|migrations)\/.*)$/.exec(url) ??
    /\/((?:src|bench|migrations)\/.*)$/.exec(url);
  return m ? m[1] : url.replace(/^file:\/\//, '');
}

function frameName(frame: ProfileNode['callFrame']): string {
  const name = frame.functionName || '(anonymous)';
  return frame.url ? `${name}  ${shortUrl(frame.url)}:${frame.lineNumber + 1}` : name;
}

/**
 * The share of all samples spent in or beneath a frame whose file path contains `under` (each sample counted once),
 * by the outermost such frame of the stack: where a part of the code is entered, and what it costs with all it calls.
 */
export function timeUnder(file: string, under: string, top = 25): string {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const outermost = new Map<number, ProfileNode | null>();
  const entered = (id: number): ProfileNode | null => {
    if (outermost.has(id)) return outermost.get(id)!;
    const up = parent.get(id);
    const above = up === undefined ? null : entered(up);
    const node = byId.get(id)!;
    const found = above ?? (node.callFrame.url.includes(under) ? node : null);
    outermost.set(id, found);
    return found;
  };
  const byEntry = new Map<string, number>();
  let total = 0;
  let inside = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    total += dt;
    const entry = entered(id);
    if (!entry) return;
    inside += dt;
    const key = frameName(entry.callFrame);
    byEntry.set(key, (byEntry.get(key) ?? 0) + dt);
  });
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
  const lines = [`${(total / 1e6).toFixed(1)} s sampled; in or beneath ${under}: ${pct(inside).trim()}`, '', 'by the outermost such frame:'];
  for (const [k, us] of [...byEntry.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(us)}  ${k}`);
  return lines.join('\n');
}

/** Self time (µs) by function, with each function's frame, over all samples of a profile. */
function selfByFunction(file: string): Map<string, { us: number; frame: ProfileNode['callFrame'] }> {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFunction = new Map<string, { us: number; frame: ProfileNode['callFrame'] }>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const key = frameName(frame);
    const entry = byFunction.get(key) ?? { us: 0, frame };
    entry.us += profile.timeDeltas[i] ?? 0;
    byFunction.set(key, entry);
  });
  return byFunction;
}

/**
 * Self time by function of one profile less another's, per unit of work (`per`: requests each profile covers), the
 * largest differences first; `(idle)` is time waited, not spent, and is listed apart.
 */
export function selfTimeMinus(file: string, other: string, per: number, top = 25): string {
  const times = (f: string) => new Map([...selfByFunction(f)].map(([k, { us }]) => [k, us]));
  const a = times(file);
  const b = times(other);
  const spent = (m: Map<string, number>) => [...m.entries()].filter(([k]) => k !== '(idle)').reduce((sum, [, us]) => sum + us, 0);
  const ms = (us: number) => `${(us / 1000 / per).toFixed(3).padStart(7)} ms`;
  const lines = [
    `self time per request (${per} each), idle excluded: ${ms(spent(a)).trim()} against ${ms(spent(b)).trim()}, difference ${ms(spent(a) - spent(b)).trim()}`,
    `idle per request: ${ms(a.get('(idle)') ?? 0).trim()} against ${ms(b.get('(idle)') ?? 0).trim()}`,
    '',
    `largest differences by function (top ${top}):`,
  ];
  const keys = new Set([...a.keys(), ...b.keys()]);
  keys.delete('(idle)');
  const diffs = [...keys].map((k) => [k, (a.get(k) ?? 0) - (b.get(k) ?? 0)] as const).sort((x, y) => y[1] - x[1]);
  for (const [k, us] of diffs.slice(0, top)) lines.push(`  ${ms(us)}  ${k}`);
  return lines.join('\n');
}

export function summariseProfile(file: string, top = 25): string {
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  let total = 0;
  for (const [key, { us, frame }] of selfByFunction(file)) {
    total += us;
    byFunction.set(key, us);
    const name = frame.functionName || '(anonymous)';
    const o = ['(idle)', '(program)', '(garbage collector)'].includes(name) ? name : owner(frame.url);
    byOwner.set(o, (byOwner.get(o) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
  const rank = (m: Map<string, number>, n: number) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  const lines = [`${(total / 1e6).toFixed(1)} s sampled`, '', 'self time by owner:'];
  for (const [k, us] of rank(byOwner, 15)) lines.push(`  ${pct(us)}  ${k}`);
  lines.push('', `self time by function (top ${top}):`);
  for (const [k, us] of rank(byFunction, top)) lines.push(`  ${pct(us)}  ${k}`);
  return lines.join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const take = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? (args.splice(at, 2)[1] ?? '') : undefined;
  };
  const under = take('--under');
  const minus = take('--minus');
  const per = take('--per');
  const [file, top] = args;
  const n = top ? Number(top) : 25;
  if (!file || under === '' || minus === '' || (minus !== undefined && !(Number(per) > 0))) {
    process.stderr.write(
      'usage: node dist/bench/profile-summary.js <file.cpuprofile> [--under <path text> | --minus <other.cpuprofile> --per <requests>] [top]\n',
    );
    process.exitCode = 2;
  } else if (minus !== undefined) {
    process.stdout.write(`${selfTimeMinus(file, minus, Number(per), n)}\n`);
  } else {
    process.stdout.write(`${under ? timeUnder(file, under, n) : summariseProfile(file, n)}\n`);
  }
}
