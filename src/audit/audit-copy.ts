import type { ClientBase, Pool } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { CopyOut } from './audit-verifier';

/** COPY on a connection taken from the pool for the statement and given back once its stream has ended or failed. */
export function copyOnPool(pool: Pool): CopyOut {
  return async (sql) => {
    const client = await pool.connect();
    const stream = client.query(copyTo(sql));
    let released = false;
    const release = (error?: Error) => {
      if (released) return;
      released = true;
      client.release(error);
    };
    stream.on('end', () => release());
    stream.on('error', (error) => release(error));
    return stream;
  };
}

/** COPY on one connection, which is left to its owner (within its transaction, if one is open). */
export function copyOnClient(client: ClientBase): CopyOut {
  return async (sql) => client.query(copyTo(sql));
}
