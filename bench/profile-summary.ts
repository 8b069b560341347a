// Summarises a V8 .cpuprofile (node --cpu-prof): self time by function and by package, largest first.
//   node dist/bench/profile-summary.js <file.cpuprofile> [top]

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
    const key = frame.url ? `${name}  ${shortUrl(frame.url)}:${frame.lineNumber + 1}` : name;
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
  const [file, top] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: node dist/bench/profile-summary.js <file.cpuprofile> [top]\n');
    process.exitCode = 2;
  } else {
    process.stdout.write(`${summariseProfile(file, top ? Number(top) : 25)}\n`);
  }
}
