import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { copyOnClient, copyOnPool } from '../../src/audit/audit-copy';
import { chain, GENESIS_HASH, type ChainedEntry } from '../../src/audit/audit-entry-hash';
import type { CheckpointVerifier } from '../../src/audit/audit-keys';
import { verifyAuditChain } from '../../src/audit/audit-verifier';
import { insertEntries } from '../../src/audit/insert-entries';
import { createDataSource } from '../../src/databases/data-sources';
import { asFormat2, asFormat3, auditDraft as draft } from '../support/audit-draft';
import { adminQuery, testClusterUrl } from '../support/test-databases';
import { waitFor } from '../support/wait-for';

// No checkpoints are written here: a verifier that knows no key.
const NO_KEYS = { knows: () => false, verify: () => false } as unknown as CheckpointVerifier;

/**
 * The hub database as it was before entries were hashed over their stored form: entries of format 2 (and 1) in jsonb
 * columns, migrated to json and to lists of fields stored once; the old entries still verify, and the chain goes on
 * (format 3 as written between the two migrations, then format 4).
 */
describe('audit entries across the migration to the stored form', () => {
  const name = `t_${randomBytes(4).toString('hex')}_stored_form`;
  let ds: DataSource;
  let db: Client;

  beforeAll(async () => {
    await adminQuery(`CREATE DATABASE "${name}"`);
    ds = createDataSource('hub', testClusterUrl(name)).dataSource;
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    db = new Client({ connectionString: testClusterUrl(name) });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await ds?.destroy();
    await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  const columnTypes = async () =>
    Object.fromEntries(
      (
        await db.query(`SELECT column_name, data_type FROM information_schema.columns
          WHERE table_name = 'audit_entry' AND column_name IN ('fields', 'sources', 'detail', 'format') ORDER BY column_name`)
      ).rows.map((r) => [r.column_name, r.data_type]),
    );
  const verify = async () => {
    const queryable = { query: (sql: string, params?: unknown[]) => db.query(sql, params).then((r) => r.rows) };
    const batches = await verifyAuditChain(queryable, NO_KEYS, { threads: 0, batchSize: 2 });
    const streamed = await verifyAuditChain(queryable, NO_KEYS, { copy: copyOnClient(db) });
    expect(streamed).toEqual(batches);
    return streamed;
  };
  const moveHead = (last: ChainedEntry) =>
    db.query('UPDATE audit_head SET seq = $1, hash = $2, at = $3 WHERE id = 1', [last.seq, last.hash, last.at.toISOString()]);

  it('keeps the entries written before verifiable, goes on in formats 3 and 4, and will not go back over them', async () => {
    await ds.undoLastMigration({ transaction: 'each' }); // notices of changes to users
    await ds.undoLastMigration({ transaction: 'each' }); // lists of fields stored once
    await ds.undoLastMigration({ transaction: 'each' }); // the stored form
    expect(await columnTypes()).toEqual({ detail: 'jsonb', fields: 'jsonb', sources: 'jsonb' });

    // Entries as the hub wrote them before: hashed over their canonical JSON, one of them before commitments (no salt).
    const odd = 'o\'neil "q" \\ \n\t\u0001 地址 😀 \u2028';
    const drafted = chain(
      [
        draft({ username: odd }),
        draft({ detail: { z: [1, 2.5, null, true], ä: { a: odd } }, fields: [{ path: odd, outcome: 'MASK' }] }),
        draft({ correlationId: null }),
      ],
      { seq: 0n, hash: GENESIS_HASH },
      new Date('2026-01-05T01:02:03.004Z'),
    );
    const old = asFormat2(drafted, (_, i) => (i === 2 ? { salt: null } : {}));
    // Each entry as a row keyed by column (camelCase to snake_case), as the old table took it.
    const row = (e: ChainedEntry) =>
      Object.fromEntries(
        Object.entries(e)
          .filter(([key]) => key !== 'format' && key !== 'rendered')
          .map(([key, value]) => [key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), value]),
      );
    for (const e of old)
      await db.query(`INSERT INTO audit_entry SELECT * FROM json_populate_record(NULL::audit_entry, $1)`, [JSON.stringify(row(e))]);
    await moveHead(old[old.length - 1]);

    await ds.runMigrations({ transaction: 'each' });
    expect(await columnTypes()).toEqual({ detail: 'json', fields: 'json', format: 'smallint', sources: 'json' });
    // The old entries keep their format, and their text as jsonb rendered it.
    const rows = (await db.query(`SELECT format, fields::text AS fields FROM audit_entry ORDER BY seq`)).rows;
    expect(rows.map((r) => r.format)).toEqual([2, 2, 2]);
    expect(rows[1].fields).toBe(`[{"path": ${JSON.stringify(odd)}, "outcome": "MASK"}]`);
    expect(await verify()).toMatchObject({ ok: true, entriesChecked: 3 });

    const three = asFormat3(chain([draft(), draft({ detail: { b: odd } })], { seq: 3n, hash: old[2].hash }, new Date('2026-01-05T01:02:04Z')));
    const added = chain(
      [draft(), draft({ fields: [{ path: odd, outcome: 'MASK' }] })],
      { seq: 5n, hash: three[1].hash },
      new Date('2026-01-05T01:02:05Z'),
    );
    expect(added.map((e) => e.format)).toEqual([4, 4]);
    await insertEntries(db, [...three, ...added]);
    await moveHead(added[1]);
    expect(await verify()).toMatchObject({ ok: true, entriesChecked: 7 });
    expect((await db.query(`SELECT fields_digest IS NULL AS inside FROM audit_entry ORDER BY seq`)).rows.map((r) => r.inside)).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    // The lists the format-4 entries name, each stored once, as canonical JSON.
    expect((await db.query(`SELECT fields::text AS fields FROM audit_field_list ORDER BY fields::text`)).rows.map((r) => r.fields)).toEqual(
      [
        `[{"outcome":"ALLOW","path":"vehicles.plate"},{"outcome":"DENY","path":"phone"}]`,
        `[{"outcome":"MASK","path":${JSON.stringify(odd)}}]`,
      ].sort(),
    );

    await ds.undoLastMigration({ transaction: 'each' }); // notices of changes to users
    await expect(ds.undoLastMigration({ transaction: 'each' })).rejects.toThrow(/2 audit entries name their list of fields by digest/);
    expect(await columnTypes()).toEqual({ detail: 'json', fields: 'json', format: 'smallint', sources: 'json' });

    // An old entry changed after the migration is still found.
    await db.query(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`);
    await db.query(`UPDATE audit_entry SET detail = '{"ä": {"a": "x"}, "z": [1, 2.5, null, true]}' WHERE seq = 2`);
    expect(await verify()).toMatchObject({ ok: false, problem: 'HASH_MISMATCH', firstBadSeq: '2' });
  });

  it('stops streaming at a finding: the pool drops the connection instead of reading the rest, and serves the next statement', async () => {
    // A long tail after the edited entry, so that PostgreSQL is still sending when the finding is made.
    const [head] = (await db.query(`SELECT seq, hash FROM audit_head`)).rows;
    let tail = { seq: BigInt(head.seq), hash: head.hash as string };
    for (let i = 0; i < 5; i += 1) {
      const added = chain(
        Array.from({ length: 10_000 }, () => draft()),
        tail,
        new Date('2026-01-05T01:03:00Z'),
      );
      await insertEntries(db, added);
      const last = added[added.length - 1];
      await moveHead(last);
      tail = { seq: BigInt(last.seq), hash: last.hash };
    }
    await db.query(`ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only`);
    await db.query(`UPDATE audit_entry SET username = 'someone-else' WHERE seq = 2`);
    await db.query(`ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only`);
    const pool = new Pool({ connectionString: testClusterUrl(name), max: 2 });
    try {
      const queryable = { query: (sql: string, params?: unknown[]) => pool.query(sql, params).then((r) => r.rows) };
      const report = await verifyAuditChain(queryable, NO_KEYS, { copy: copyOnPool(pool), batchSize: 100, threads: 1 });
      expect(report).toMatchObject({ ok: false, problem: 'HASH_MISMATCH', firstBadSeq: '2' });
      // The COPY's connection (the pool's one idle connection, reused) was closed, not given back (read to the end,
      // it would be back in the pool).
      expect(pool.totalCount).toBe(0);
      expect((await pool.query(`SELECT count(*)::int AS n FROM audit_entry`)).rows[0].n).toBe(Number(tail.seq));
      // PostgreSQL ended the statement with the connection.
      const copying = async () =>
        (await pool.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'COPY%'`, [name])).rows[0].n;
      expect(await waitFor(copying, (n) => n === 0, 5000)).toBe(0);

      // A connection opened for the COPY alone (as `npm run audit:verify` opens one) is ended the same way.
      const own = new Client({ connectionString: testClusterUrl(name) });
      await own.connect();
      const ended = new Promise<void>((resolve) => own.once('end', () => resolve()));
      const alone = await verifyAuditChain(queryable, NO_KEYS, { copy: copyOnClient(own, { own: true }), batchSize: 100, threads: 1 });
      expect(alone).toEqual(report);
      await ended;
      expect(await waitFor(copying, (n) => n === 0, 5000)).toBe(0);
    } finally {
      await pool.end();
    }
  });
});
