import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { HubConfig } from '../config';
import type { RequestContext } from '../context';
import { auditPlugin } from '../audit/audit-plugin';
import { checkRoutes } from '../checks/check-routes';
import { consoleRoutes } from './console-routes';
import { createContext, identifyRequest, type ContextDeps } from './create-context';
import { devSignInRoutes } from './dev-sign-in';
import { formatError } from './format-error';
import { silentLogger } from '../observability/logger';
import { observabilityRoutes } from '../observability/observability-routes';
import { observedContext, observeGraphqlRequests, requestObservationPlugin } from '../observability/request-observation';

export interface HttpServer {
  server: http.Server;
  apollo: ApolloServer<RequestContext>;
  stop(): Promise<void>;
}

export const BODY_LIMIT = '64kb';
export const MAX_TOKENS = 3000;

/** Express + Apollo at /graphql, with query limits, no batching, CSRF prevention and a capped body size. */
export async function createServer(config: HubConfig, schema: GraphQLSchema, deps: ContextDeps): Promise<HttpServer> {
  const app = express();
  app.disable('x-powered-by');
  // No ETag on the API's answers: they are per viewer and never revalidated, and a hash of an answer in a header is one
  // more copy of it (a proxy's log of a small answer, such as a list check's, could be matched against the few bodies
  // it can have). The console's pages are revalidated by their files' modification time; its assets keep ETags of
  // their own (express.static's).
  app.set('etag', false);
  const server = http.createServer(app);
  const production = config.nodeEnv === 'production';
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    costLimit: { maxCost: 5000 },
    maxAliases: { n: 20 },
    // Counted by graphql-js's own parser (parseOptions below): armor's token plugin throws from a hook, which is a 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  const apollo = new ApolloServer<RequestContext>({
    schema,
    plugins: [
      ...armor.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // Answers are per viewer and never cached; the default cache-control plugin would still wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      // Apollo's landing page loads its code from a CDN; developers use the self-hosted GraphiQL at /graphiql.
      ApolloServerPluginLandingPageDisabled(),
      requestObservationPlugin(),
      auditPlugin(),
    ],
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: MAX_TOKENS },
    allowBatchedHttpRequests: false,
    introspection: !production,
    // No "Did you mean" in validation errors; formatError removes the rest (enum values in variables).
    hideSchemaDetailsFromClientErrors: production,
    // Off unless configured: a shared cache of queries lets one user learn whether another sent an exact query.
    persistedQueries: config.persistedQueries ? undefined : false,
    includeStacktraceInErrorResponses: config.nodeEnv === 'development',
    // Apollo's defaults follow the hub's setting, not whatever NODE_ENV the process happens to have.
    nodeEnv: config.nodeEnv,
    csrfPrevention: true,
    formatError: formatError(config.nodeEnv === 'development', production),
  });
  await apollo.start();

  app.use('/graphql', (req, res, next) => {
    const { requestId, correlationId } = identifyRequest(req);
    res.setHeader('x-request-id', requestId);
    if (correlationId) res.setHeader('x-correlation-id', correlationId);
    next();
  });
  app.use('/graphql', observeGraphqlRequests(deps.logger ?? silentLogger));
  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, { context: async ({ req, res }) => observedContext(res, () => createContext(deps, req)) }),
  );
  // Batch list checks: a CSV upload and its result download, with the same token, policy and audit as /graphql.
  app.use(checkRoutes(deps));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(consoleRoutes());
  if (!production) app.use(devSignInRoutes(config, deps.hub));
  app.use(observabilityRoutes({ hub: deps.hub, sources: deps.sources, sourceTimeoutMs: config.sourceTimeoutMs }));
  // Oversized or malformed bodies: a GraphQL-shaped error, never an HTML stack page.
  app.use((error: Error & { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(error);
    const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
    const message =
      error.type === 'entity.too.large' ? `Request body exceeds ${BODY_LIMIT}` : status < 500 ? 'Malformed request body' : 'Internal server error';
    res.status(status).json({ errors: [{ message, extensions: { code: status < 500 ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR' } }] });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  return {
    server,
    apollo,
    stop: async () => {
      await apollo.stop();
      server.closeAllConnections?.();
    },
  };
}
