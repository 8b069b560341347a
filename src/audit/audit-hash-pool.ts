import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { hashTuples, type HashedBatch } from './audit-hash-worker';

interface Task {
  resolve(result: HashedBatch): void;
  reject(error: Error): void;
}

/** Threads that recompute entry hashes; the default is one per core, at most four. */
export function defaultHashThreads(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/**
 * Worker threads that recompute the hashes of batches of entries. Each entry's hash depends only on the entry (its
 * `prevHash` included), so batches are hashed independently and the links are compared afterwards, in order.
 * With no threads, batches are hashed on the calling thread.
 */
export class HashPool {
  private readonly workers: Worker[] = [];
  private readonly load: number[] = [];
  private readonly tasks = new Map<number, Task & { worker: number }>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor(threads: number) {
    // Compiled, the worker is the .js beside this file; run from TypeScript sources (tests, ts-node) it is the .ts,
    // which the thread loads through ts-node.
    const typescript = path.extname(__filename) === '.ts';
    const file = path.join(__dirname, `audit-hash-worker${typescript ? '.ts' : '.js'}`);
    for (let i = 0; i < threads; i += 1) {
      const worker = new Worker(file, {
        workerData: { role: 'audit-hash' },
        execArgv: typescript ? ['--require', 'ts-node/register/transpile-only'] : [],
      });
      worker.on('message', (message: { id: number; result?: HashedBatch; error?: string }) => {
        const task = this.tasks.get(message.id);
        if (!task) return;
        this.tasks.delete(message.id);
        this.load[task.worker] -= 1;
        if (message.result) task.resolve(message.result);
        else task.reject(new Error(`hashing failed: ${message.error}`));
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a hashing thread exited with code ${code}`));
      });
      this.workers.push(worker);
      this.load.push(0);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const task of this.tasks.values()) task.reject(error);
    this.tasks.clear();
  }

  /**
   * Hashes one batch (rows as `hashTuples` reads them) on the least busy thread. Bytes in shared memory are read there
   * in place, and must not change until the result is back; other bytes are handed over to the thread (a view on a
   * larger buffer is copied first) and handed back with the result. `framed`: as `hashTuples` takes it.
   */
  hash(data: Uint8Array, framed = false): Promise<HashedBatch> {
    if (this.workers.length === 0) {
      try {
        return Promise.resolve(hashTuples(data, framed));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    if (this.failure) return Promise.reject(this.failure);
    let w = 0;
    for (let i = 1; i < this.workers.length; i += 1) if (this.load[i] < this.load[w]) w = i;
    const id = this.nextId++;
    this.load[w] += 1;
    return new Promise((resolve, reject) => {
      this.tasks.set(id, { resolve, reject, worker: w });
      if (data.buffer instanceof SharedArrayBuffer) {
        this.workers[w].postMessage({ id, data, framed });
        return;
      }
      // Handed over, not copied: the batch's bytes become the thread's.
      const own = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : new Uint8Array(data);
      this.workers[w].postMessage({ id, data: own, framed }, [own.buffer as ArrayBuffer]);
    });
  }

  get threads(): number {
    return this.workers.length;
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    for (const w of workers) w.removeAllListeners('exit');
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
