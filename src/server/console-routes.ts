import fs from 'node:fs';
import path from 'node:path';
import express from 'express';

/** The repository root: the nearest directory above this file with a package.json (from src/ or from dist/src/). */
function repositoryRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** Where `npm run console:build` writes the console (and the GraphiQL page beside it). */
export const CONSOLE_DIST = path.join(repositoryRoot(__dirname), 'console', 'dist');

/**
 * The console at /console (a single-page app: unknown paths below it get index.html) and GraphiQL at /graphiql,
 * both from the same origin as /graphql and with every asset served from here: court networks reach no CDN.
 */
export function consoleRoutes(dist = CONSOLE_DIST): express.Router {
  const router = express.Router();
  const index = path.join(dist, 'index.html');
  const graphiql = path.join(dist, 'graphiql.html');
  const missing = (res: express.Response) =>
    res.status(503).type('text/plain; charset=utf-8').send('控制台尚未构建：请运行 npm run console:build（npm start 会自动构建）。');
  // Built assets carry a content hash in their names, so they may be cached for good.
  router.use('/console/assets', express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '1y' }));
  router.use('/console/assets', (_req, res) => void res.status(404).type('text/plain; charset=utf-8').send('未找到该文件'));
  router.get('/', (_req, res) => res.redirect(302, '/console/'));
  router.get(['/console', '/console/{*rest}'], (req, res) => {
    // Relative asset paths need the trailing slash (express matches /console and /console/ alike).
    if (req.path === '/console') return res.redirect(301, '/console/');
    if (!fs.existsSync(index)) return missing(res);
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  router.get('/graphiql', (_req, res) => {
    if (!fs.existsSync(graphiql)) return missing(res);
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(graphiql);
  });
  return router;
}
