import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Client, ClientBase, Pool } from 'pg';
import type { CopyOut, CopyStream } from './audit-verifier';
import { CopyOutQuery } from './copy-out-query';

/**
 * COPY on a connection taken from the pool for the statement and given back once its stream has ended or failed.
 * When the rest of the stream is not wanted, the connection is closed and dropped from the pool rather than read to
 * the end (PostgreSQL stops sending when the socket closes).
 */
export function copyOnPool(pool: Pool): CopyOut {
  return async (sql) => {
    const client = await pool.connect();
    const stream: CopyStream = client.query(new CopyOutQuery(sql));
    let released = false;
    const release = (error?: Error) => {
      if (released) return;
      released = true;
      client.release(error);
    };
    stream.on('end', () => release());
    stream.on('error', (error) => release(error));
    stream.abandon = () => release(new Error('the rest of the COPY stream is not needed'));
    return stream;
  };
}

// For each connection, when the last COPY asked for on it will have ended.
const running = new WeakMap<ClientBase, Promise<void>>();
// Connections of their own closed to give up a COPY's stream.
const given = new WeakSet<ClientBase>();

/**
 * COPY on one connection, which is left to its owner (within its transaction, if one is open). A connection opened
 * for the COPY alone (`own`) is closed when the rest of the stream is not wanted; any other is read to the end.
 */
export function copyOnClient(client: ClientBase, options: { own?: boolean } = {}): CopyOut {
  return async (sql) => {
    // One statement at a time on a connection: a COPY asked for while others run or wait on it (the parts of a
    // verification on one connection) starts once the one before has ended.
    const before = running.get(client) ?? Promise.resolve();
    let ended!: () => void;
    const slot = new Promise<void>((resolve) => (ended = resolve));
    running.set(
      client,
      before.then(() => slot),
    );
    await before;
    if (given.has(client)) {
      // The connection was closed to give up a stream before this one: nothing of this one is wanted either.
      ended();
      return Readable.from([]);
    }
    const stream: CopyStream = client.query(new CopyOutQuery(sql));
    finished(stream).then(ended, ended);
    if (options.own) {
      stream.abandon = () => {
        given.add(client);
        stream.on('error', () => undefined); // the end of the connection ends the stream with an error
        void (client as Client).end();
      };
    }
    return stream;
  };
}

/**
 * COPY on each of several connections in turn, one statement each (for a verification in parts streamed at once);
 * the connections are treated as `copyOnClient` treats one.
 */
export function copyOnClients(clients: ClientBase[], options: { own?: boolean } = {}): CopyOut {
  const copies = clients.map((client) => copyOnClient(client, options));
  let next = 0;
  return (sql) => copies[next++ % copies.length](sql);
}
