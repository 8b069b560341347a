import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { copyOnClient } from '../../src/audit/audit-copy';
import { CopyOutQuery } from '../../src/audit/copy-out-query';
import { testClusterUrl } from '../support/test-databases';

/** The bodies of CopyData messages given one after the other, each checked to be one. */
function bodies(messages: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let p = 0; p < messages.length;) {
    expect(messages[p]).toBe(0x64);
    const end = p + 1 + messages.readUInt32BE(p + 1);
    parts.push(messages.subarray(p + 5, end));
    p = end;
  }
  return Buffer.concat(parts);
}

/** Reads a COPY's stream to its end: the data of its messages, how many there were, and the chunks they came in. */
async function readAll(stream: CopyOutQuery): Promise<{ bytes: Buffer; messages: number; chunks: number }> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  const all = Buffer.concat(parts);
  let messages = 0;
  for (let p = 0; p < all.length; p += 1 + all.readUInt32BE(p + 1)) messages += 1;
  return { bytes: bodies(all), messages, chunks: parts.length };
}

// The rows of a COPY in text form, as PostgreSQL writes them, made here: n rows of an index and a text of varying
// length (so that messages are cut by the socket's chunks at every place).
const expectedText = (n: number) => Array.from({ length: n }, (_, k) => `${k + 1}\t${'x'.repeat((k * 37) % 300)}\n`).join('');
const rowsSql = (n: number) => `COPY (SELECT k, repeat('x', ((k - 1) * 37) % 300) FROM generate_series(1, ${n}) k ORDER BY k) TO STDOUT`;

describe('a COPY TO STDOUT read from the connection', () => {
  let db: Client;
  beforeAll(async () => {
    db = new Client({ connectionString: testClusterUrl('postgres') });
    await db.connect();
  });
  afterAll(() => db?.end());

  it('gives the COPY data exactly, a message per row, in chunks of many rows, and the connection answers after it', async () => {
    const n = 20_000;
    const stream = db.query(new CopyOutQuery(rowsSql(n)));
    const { bytes, messages, chunks } = await readAll(stream);
    const expected = Buffer.from(expectedText(n));
    expect(messages).toBe(n); // one per row
    expect(bytes.length).toBe(expected.length);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(createHash('sha256').update(expected).digest('hex'));
    expect(chunks).toBeLessThan(n / 10);
    expect(stream.rowCount).toBe(n);
    expect((await db.query('SELECT 41 + 1 AS answer')).rows).toEqual([{ answer: 42 }]);
  });

  it('reads past notices sent between rows', async () => {
    // A function that raises a notice for every tenth row it returns.
    await db.query(`CREATE OR REPLACE FUNCTION pg_temp.noisy(k int) RETURNS int LANGUAGE plpgsql AS $$
      BEGIN IF k % 10 = 0 THEN RAISE NOTICE 'row %', k; END IF; RETURN k; END $$`);
    const notices: string[] = [];
    const onNotice = (n: { message?: string }) => notices.push(String(n.message));
    db.on('notice', onNotice);
    try {
      const stream = db.query(
        new CopyOutQuery(`COPY (SELECT pg_temp.noisy(k), repeat('x', ((k - 1) * 37) % 300) FROM generate_series(1, 5000) k) TO STDOUT`),
      );
      const { bytes } = await readAll(stream);
      expect(bytes.toString()).toBe(expectedText(5000));
    } finally {
      db.off('notice', onNotice);
    }
    expect((await db.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it("fails with PostgreSQL's error when the COPY fails part way, and the connection answers after it", async () => {
    const stream = db.query(new CopyOutQuery(`COPY (SELECT k, 1 / (k - 3000), repeat('x', 200) FROM generate_series(1, 5000) k) TO STDOUT`));
    const received: Buffer[] = [];
    const error = await new Promise<Error>((resolve, reject) => {
      stream.on('data', (chunk: Buffer) => received.push(chunk));
      stream.on('error', resolve);
      stream.on('end', () => reject(new Error('the stream ended without an error')));
    });
    expect(error.message).toMatch(/division by zero/);
    // What came before the failure is whole rows of the COPY.
    const text = bodies(Buffer.concat(received)).toString();
    expect(text.length).toBeLessThan(3000 * 210);
    expect(text.split('\n')[0]).toBe(`1\t0\t${'x'.repeat(200)}`);
    expect((await db.query('SELECT 2 AS two')).rows).toEqual([{ two: 2 }]);
  });

  it('fails with the error of a statement that does not start', async () => {
    const stream = db.query(new CopyOutQuery(`COPY (SELECT no_such_column FROM generate_series(1, 3)) TO STDOUT`));
    await expect(readAll(stream)).rejects.toThrow(/no_such_column/);
    expect((await db.query('SELECT 3 AS three')).rows).toEqual([{ three: 3 }]);
  });

  it('runs the COPYs asked for on one connection one after the other, each sent once the one before has ended', async () => {
    const copy = copyOnClient(db);
    const sent: number[] = [];
    const query = jest.spyOn(db, 'query');
    try {
      const asked = [1, 2, 3].map((k) =>
        copy(rowsSql(1000 * k)).then((stream) => {
          sent.push(k);
          return stream as CopyOutQuery;
        }),
      );
      for (const k of [1, 2, 3]) {
        const stream = await asked[k - 1];
        await new Promise((resolve) => setTimeout(resolve, 20));
        // Sent, and the ones after it still waiting.
        expect(sent).toEqual([1, 2, 3].slice(0, k));
        expect(query).toHaveBeenCalledTimes(k);
        const { bytes, messages } = await readAll(stream);
        expect(messages).toBe(1000 * k);
        expect(bytes.toString()).toBe(expectedText(1000 * k));
      }
    } finally {
      query.mockRestore();
    }
    expect((await db.query('SELECT 4 AS four')).rows).toEqual([{ four: 4 }]);
  });

  it('gives nothing for a COPY asked for on a connection of its own that was closed to give up the one before', async () => {
    const own = new Client({ connectionString: testClusterUrl('postgres') });
    await own.connect();
    const copy = copyOnClient(own, { own: true });
    const first = copy(rowsSql(50_000));
    const second = copy(rowsSql(10));
    const stream = await first;
    await new Promise<void>((resolve) => stream.once('data', () => resolve()));
    stream.abandon!();
    const after = await second;
    const parts: Buffer[] = [];
    for await (const chunk of after) parts.push(chunk as Buffer);
    expect(Buffer.concat(parts)).toHaveLength(0);
  });
});
