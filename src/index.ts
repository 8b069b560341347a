import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { startHub } from './hub';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = (line: string) => console.log(`[fuyuantong] ${line}`);
  const hub = await startHub(config, log);
  log(`GraphQL at ${hub.url}`);
  log('get a demo token:  npm run token -- demo-clerk   (also demo-clerk-2, demo-administrator, demo-auditor, demo-admin)');
  log('then send it as    Authorization: Bearer <token>');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    try {
      await hub.stop();
      log('stopped');
      process.exit(0);
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  if (error instanceof ConfigError) console.error(`configuration error: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
