import fs from 'node:fs';
import path from 'node:path';
import { canonicalJson } from './canonical-json';
import type { AuditKeys } from './audit-keys';
import type { Queryable } from './insert-entries';

export const CHECKPOINT_FILE = 'audit-checkpoints.jsonl';

export interface Checkpoint {
  seq: string;
  hash: string;
  entryAt: Date;
  signedAt: Date;
  keyId: string;
  signature: string;
}

/** The signed statement: the log's name, the head's sequence number, hash and time, the signing time and key. */
export function checkpointStatement(c: Omit<Checkpoint, 'signature'>): string {
  return canonicalJson({
    log: 'fuyuantong-audit',
    seq: String(c.seq),
    hash: c.hash,
    entryAt: c.entryAt.toISOString(),
    signedAt: c.signedAt.toISOString(),
    keyId: c.keyId,
  });
}

/** A checkpoint as stored: a row of `audit_checkpoint` (snake_case) or a line of the JSONL copy (camelCase). */
type CheckpointRecord = { seq: string | number; hash: string; signature: string } & (
  | { entry_at: Date | string; signed_at: Date | string; key_id: string; entryAt?: undefined; signedAt?: undefined; keyId?: undefined }
  | { entryAt: Date | string; signedAt: Date | string; keyId: string; entry_at?: undefined; signed_at?: undefined; key_id?: undefined }
);

export function checkpointFromRow(row: CheckpointRecord): Checkpoint {
  return {
    seq: String(row.seq),
    hash: row.hash,
    entryAt: new Date((row.entry_at ?? row.entryAt)!),
    signedAt: new Date((row.signed_at ?? row.signedAt)!),
    keyId: (row.key_id ?? row.keyId)!,
    signature: row.signature,
  };
}

/**
 * Signs the current head and stores the checkpoint twice: in the database, and appended to
 * `audit-checkpoints.jsonl` in the data directory, a copy that someone who controls only the database cannot
 * rewrite. Returns the existing checkpoint when the head has not moved since, null while the log is empty.
 */
export async function createCheckpoint(db: Queryable, keys: AuditKeys, dataDir: string | null): Promise<Checkpoint | null> {
  const [head] = await db.query(`SELECT seq, hash, at FROM audit_head WHERE id = 1`);
  if (!head || BigInt(head.seq) === 0n) return null;
  const keyId = keys.publicKey.keyId;
  const [existing] = await db.query(`SELECT * FROM audit_checkpoint WHERE seq = $1 AND key_id = $2`, [head.seq, keyId]);
  if (existing) return checkpointFromRow(existing);
  const unsigned = {
    seq: String(head.seq),
    hash: head.hash as string,
    entryAt: new Date(head.at),
    signedAt: new Date(Math.floor(Date.now())),
    keyId,
  };
  const checkpoint: Checkpoint = { ...unsigned, signature: keys.sign(checkpointStatement(unsigned)) };
  const inserted = await db.query(
    `INSERT INTO audit_checkpoint (seq, key_id, hash, entry_at, signed_at, signature) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (seq, key_id) DO NOTHING RETURNING seq`,
    [checkpoint.seq, keyId, checkpoint.hash, checkpoint.entryAt.toISOString(), checkpoint.signedAt.toISOString(), checkpoint.signature],
  );
  if (inserted.length === 0) {
    // Another process signed the same head at the same moment.
    const [theirs] = await db.query(`SELECT * FROM audit_checkpoint WHERE seq = $1 AND key_id = $2`, [head.seq, keyId]);
    return checkpointFromRow(theirs);
  }
  if (dataDir) appendCheckpointFile(dataDir, checkpoint);
  return checkpoint;
}

export function appendCheckpointFile(dataDir: string, checkpoint: Checkpoint): void {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.appendFileSync(path.join(dataDir, CHECKPOINT_FILE), `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
}

/** The checkpoints kept outside the database; an unreadable line is skipped, a missing file is none. */
export function readCheckpointFile(file: string): Checkpoint[] {
  if (!fs.existsSync(file)) return [];
  const out: Checkpoint[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(checkpointFromRow(JSON.parse(line)));
    } catch {
      // a torn last line after a crash
    }
  }
  return out;
}
