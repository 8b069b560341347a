import fs from 'node:fs';

export default async function globalTeardown() {
  await globalThis.__FYT_PG__?.stop();
  if (globalThis.__FYT_PG_DIR__) fs.rmSync(globalThis.__FYT_PG_DIR__, { recursive: true, force: true });
}
