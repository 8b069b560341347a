import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/server/free-port';

const SCRIPT = path.join(__dirname, 'separate-postgres-server.mjs');

/**
 * A PostgreSQL server of its own (not the shared test cluster) that a test can stop and start again on the
 * same port and data. Its URL is known before it first starts, so a hub can be pointed at it while it is down.
 */
export class SeparatePostgres {
  private child: ChildProcess | null = null;

  private constructor(
    readonly dir: string,
    readonly port: number,
    readonly database: string,
  ) {}

  static async create(database: string): Promise<SeparatePostgres> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fuyuantong-separate-'));
    // The server runs as the unprivileged `postgres` user when the tests run as root.
    fs.chmodSync(dir, 0o755);
    return new SeparatePostgres(dir, await freePort(), database);
  }

  get url(): string {
    return `postgres://test:test@127.0.0.1:${this.port}/${this.database}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  async start(): Promise<void> {
    if (this.child) return;
    const child = spawn(process.execPath, [SCRIPT, this.dir, String(this.port), this.database], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`separate PostgreSQL did not start within 90 s:\n${output}`)), 90000);
      child.stdout!.on('data', (chunk) => {
        output += chunk;
        if (output.includes('"ready":true')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.stderr!.on('data', (chunk) => (output += chunk));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`separate PostgreSQL exited with ${code}:\n${output}`));
      });
    });
    this.child = child;
  }

  /** Fast shutdown: the server ends every session and stops listening. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  async destroy(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
