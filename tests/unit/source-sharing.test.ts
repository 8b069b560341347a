import type { SourceDatabase } from '../../src/databases/source-database';
import { CircuitBreaker } from '../../src/sources/circuit-breaker';
import { SourceConnector, type SharingOptions } from '../../src/sources/source-connector';

// The statements a connector sends, each answered when the test says so: the scheduling alone is under test here
// (tests/integration/federation-batching.test.ts runs it against the sources' databases).
class Held extends SourceConnector<string> {
  readonly sent: Array<{ ids: string[]; answer: () => void; fail: (e: Error) => void }> = [];
  protected fetch(ids: readonly string[]): Promise<Map<string, string>> {
    return new Promise((resolve, reject) => {
      this.sent.push({ ids: [...ids], answer: () => resolve(new Map(ids.map((id) => [id, `record of ${id}`]))), fail: reject });
    });
  }
  protected empty(): string {
    return 'none';
  }
}

const connected = { ready: async () => true } as unknown as SourceDatabase;
const connector = (sharing: SharingOptions) =>
  new Held('vehicle', connected, 10_000, new CircuitBreaker({ failureThreshold: 100, cooldownMs: 1000 }), sharing);
const tick = () => new Promise((r) => setImmediate(r));
// A connector sharing one statement at a time, with a first lookup (`first`, of A) already sent and running.
const busy = async (waitMs: number) => {
  const c = connector({ statements: 1, waitMs });
  const first = c.batch(['A']);
  await tick();
  return { c, first };
};
const values = async (batch: Promise<Array<{ value: string | null; status: { state: string } }>>) =>
  (await batch).map((o) => `${o.status.state} ${o.value}`);

describe('statements shared between concurrent requests', () => {
  it('sends a batch at once while the source is free, and gathers the batches that arrive while it is busy into one', async () => {
    const { c, first } = await busy(1000);
    const second = c.batch(['B', 'C']);
    const third = c.batch(['C', 'D']);
    await tick();
    expect(c.sent.map((s) => s.ids)).toEqual([['A']]);
    c.sent[0].answer();
    await tick();
    expect(c.sent.map((s) => s.ids)).toEqual([['A'], ['B', 'C', 'D']]);
    c.sent[1].answer();
    // Each request gets its own subjects, and only them.
    expect(await values(first)).toEqual(['OK record of A']);
    expect(await values(second)).toEqual(['OK record of B', 'OK record of C']);
    expect(await values(third)).toEqual(['OK record of C', 'OK record of D']);
  });

  it('sends the gathered batches after the longest wait even while a slow statement runs', async () => {
    const { c, first: slow } = await busy(20);
    const waiting = c.batch(['B']);
    await tick();
    expect(c.sent).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 40));
    expect(c.sent.map((s) => s.ids)).toEqual([['A'], ['B']]);
    c.sent[1].answer();
    expect(await values(waiting)).toEqual(['OK record of B']);
    c.sent[0].answer();
    expect(await values(slow)).toEqual(['OK record of A']);
  });

  it('fails every request that shared a failed statement, and the next ones go on', async () => {
    const { c, first } = await busy(1000);
    const second = c.batch(['B']);
    const third = c.batch(['C']);
    c.sent[0].answer();
    await tick();
    c.sent[1].fail(new Error('connection lost'));
    expect(await values(first)).toEqual(['OK record of A']);
    expect(await values(second)).toEqual(['ERROR null']);
    expect(await values(third)).toEqual(['ERROR null']);
    const later = c.batch(['D']);
    await tick();
    c.sent[2].answer();
    expect(await values(later)).toEqual(['OK record of D']);
  });

  it('sends the gathered statement at once when the next batch would take it past what one batch may hold', async () => {
    const { c, first } = await busy(1000);
    const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => `S${from + i}`);
    const batches = [c.batch(ids(0, 600)), c.batch(ids(600, 400)), c.batch(ids(1000, 600)), c.batch(['Z'])];
    await tick();
    // 600 + 400 fill one statement, which goes as the next batch arrives; that batch and the last wait.
    expect(c.sent.map((s) => s.ids.length)).toEqual([1, 1000]);
    for (const s of c.sent) s.answer();
    await tick();
    expect(c.sent.map((s) => s.ids.length)).toEqual([1, 1000, 601]);
    c.sent[2].answer();
    const answers = await Promise.all(batches.map(values));
    expect(answers.map((a) => a.length)).toEqual([600, 400, 600, 1]);
    expect(answers.flat().every((v) => v.startsWith('OK record of '))).toBe(true);
    expect(answers[3]).toEqual(['OK record of Z']);
    expect(await values(first)).toEqual(['OK record of A']);
  });

  it('sends as many statements at once as it may run before gathering the rest', async () => {
    const c = connector({ statements: 2, waitMs: 1000 });
    const batches = [c.batch(['A']), c.batch(['B']), c.batch(['C']), c.batch(['D'])];
    await tick();
    expect(c.sent.map((s) => s.ids)).toEqual([['A'], ['B']]);
    c.sent[1].answer();
    await tick();
    expect(c.sent.map((s) => s.ids)).toEqual([['A'], ['B'], ['C', 'D']]);
    c.sent[0].answer();
    c.sent[2].answer();
    expect(await Promise.all(batches.map(values))).toEqual([['OK record of A'], ['OK record of B'], ['OK record of C'], ['OK record of D']]);
  });

  it('gives every request its own statement when sharing is off', async () => {
    const c = connector({ statements: 0, waitMs: 5 });
    const batches = [c.batch(['A']), c.batch(['B']), c.batch(['C'])];
    await tick();
    expect(c.sent.map((s) => s.ids)).toEqual([['A'], ['B'], ['C']]);
    for (const s of c.sent) s.answer();
    expect(await Promise.all(batches.map(values))).toEqual([['OK record of A'], ['OK record of B'], ['OK record of C']]);
  });
});
