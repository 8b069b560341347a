import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { EmbeddedPostgresError } from './databases/embedded-postgres';
import { startHub, type Hub } from './hub';
import { createLogger } from './observability/logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const log = (line: string) => logger.info(line);
  // Signals during start-up wait for it to finish, then stop everything it started.
  let hub: Hub | null = null;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping || !hub) {
      stopping = true;
      return;
    }
    stopping = true;
    logger.info({ signal }, 'stopping');
    try {
      await hub.stop();
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'stopping failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  hub = await startHub(config, log, { logger });
  if (stopping) {
    stopping = false;
    return stop('signal during start-up');
  }
  logger.info({ url: hub.url }, 'listening');
  // The lines a person starting the hub reads, plainly, beside the JSON log lines; one write, so they arrive together.
  const base = hub.url.replace(/\/graphql$/, '');
  console.log(
    [
      `[fuyuantong] GraphQL at ${hub.url}`,
      `[fuyuantong] console at ${base}/console/   (GraphiQL at ${base}/graphiql)`,
      '[fuyuantong] get a demo token:  npm run token -- demo-clerk   (also demo-clerk-2, demo-administrator, demo-auditor, demo-admin)',
      '[fuyuantong] then send it as    Authorization: Bearer <token>',
    ].join('\n'),
  );
}

main().catch((error) => {
  if (error instanceof ConfigError) console.error(`configuration error: ${error.message}`);
  else if (error instanceof EmbeddedPostgresError) console.error(`cannot start: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
