// Summarises a V8 .cpuprofile (node --cpu-prof): self time by function and by package, largest first; with --under,
// the time spent in (and beneath) the frames whose file path contains a text, by the outermost such frame.
//   node dist/bench/profile-summary.js <file.cpuprofile> [top]
//   node dist/bench/profile-summary.js <file.cpuprofile> --under src/audit/ [top]

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

export function summariseProfile(file: string, top = 25): string {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    self.set(id, (self.get(id) ?? 0) + dt);
    total += dt;
  });
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  for (const [id, us] of self) {
    const frame = byId.get(id)!.callFrame;
    const name = frame.functionName || '(anonymous)';
    const key = frameName(frame);
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
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
  const at = args.indexOf('--under');
  const under = at >= 0 ? args.splice(at, 2)[1] : undefined;
  const [file, top] = args;
  if (!file || (at >= 0 && !under)) {
    process.stderr.write('usage: node dist/bench/profile-summary.js <file.cpuprofile> [--under <path text>] [top]\n');
    process.exitCode = 2;
  } else {
    const n = top ? Number(top) : 25;
    process.stdout.write(`${under ? timeUnder(file, under, n) : summariseProfile(file, n)}\n`);
  }
}
