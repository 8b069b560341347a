import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { selfTimeMinus, timeUnder } from '../../bench/profile-summary';

describe('timeUnder', () => {
  it('counts each sample once, by the outermost frame of the part, with everything called beneath it', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', ''), children: [2, 5] },
        { id: 2, callFrame: frame('draft', 'file:///app/dist/src/audit/request-audit.js'), children: [3] },
        { id: 3, callFrame: frame('render', 'file:///app/dist/src/audit/audit-entry-hash.js'), children: [4] },
        { id: 4, callFrame: frame('stringify', ''), children: [] },
        { id: 5, callFrame: frame('execute', 'file:///app/node_modules/graphql/execution/execute.js'), children: [6] },
        { id: 6, callFrame: frame('record', 'file:///app/dist/src/audit/subject-read.js'), children: [] },
      ],
      samples: [4, 3, 2, 5, 6, 5, 1, 1],
      timeDeltas: [100, 100, 100, 100, 100, 100, 100, 100],
    };
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'profile-')), 'p.cpuprofile');
    fs.writeFileSync(file, JSON.stringify(profile));
    expect(timeUnder(file, 'src/audit/').split('\n')).toEqual([
      '0.0 s sampled; in or beneath src/audit/: 50.0 %',
      '',
      'by the outermost such frame:',
      '   37.5 %  draft  src/audit/request-audit.js:1',
      '   12.5 %  record  src/audit/subject-read.js:1',
    ]);
    expect(timeUnder(file, 'graphql/').split('\n')[0]).toBe('0.0 s sampled; in or beneath graphql/: 37.5 %');
  });
});

describe('selfTimeMinus', () => {
  it('gives the self time one profile spends per request beyond another, by function, idle apart', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    const nodes = [
      { id: 1, callFrame: frame('(root)', ''), children: [2, 3, 4] },
      { id: 2, callFrame: frame('(idle)', ''), children: [] },
      { id: 3, callFrame: frame('draft', 'file:///app/dist/src/audit/request-audit.js'), children: [] },
      { id: 4, callFrame: frame('execute', 'file:///app/node_modules/graphql/execution/execute.js'), children: [] },
    ];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'profile-'));
    const write = (name: string, samples: number[]) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, JSON.stringify({ nodes, samples, timeDeltas: samples.map(() => 1000) }));
      return file;
    };
    // With audit: 4 ms drafting, 6 ms executing, 5 ms idle; without: 5 ms executing, 2 ms idle; 2 requests each.
    const full = write('full.cpuprofile', [3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 2, 2, 2, 2, 2]);
    const off = write('off.cpuprofile', [4, 4, 4, 4, 4, 2, 2]);
    expect(selfTimeMinus(full, off, 2).split('\n')).toEqual([
      'self time per request (2 each), idle excluded: 5.000 ms against 2.500 ms, difference 2.500 ms',
      'idle per request: 2.500 ms against 1.000 ms',
      '',
      'largest differences by function (top 25):',
      '    2.000 ms  draft  src/audit/request-audit.js:1',
      '    0.500 ms  execute  graphql/execution/execute.js:1',
    ]);
  });
});
