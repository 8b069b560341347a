import express from 'express';
import type { DataSource } from 'typeorm';
import { issueToken } from '../auth/tokens';
import type { HubConfig } from '../config';

/**
 * Development only (never mounted when NODE_ENV=production): the console's sign-in page lists the enabled users
 * and gets a token for one, signed with the hub's local key exactly as `npm run token` does. In production the
 * console takes the identity provider's token instead.
 */
export function devSignInRoutes(config: HubConfig, hub: DataSource): express.Router {
  const router = express.Router();
  router.get('/dev/users', async (_req, res) => {
    const rows: Array<{ username: string; display_name: string; role: string; organisation: string }> = await hub.query(
      `SELECT u.username, u.display_name, u.role, o.name AS organisation
         FROM hub_user u JOIN organisation o ON o.id = u.organisation_id
        WHERE u.disabled_at IS NULL AND o.disabled_at IS NULL
        ORDER BY (u.username LIKE 'demo-%') DESC, u.username LIMIT 50`,
    );
    res.json({ users: rows.map((r) => ({ username: r.username, displayName: r.display_name, role: r.role, organisation: r.organisation })) });
  });
  // JSON only, so a cross-site form cannot post here without a preflight.
  router.post('/dev/sign-in', express.json({ limit: '1kb' }), async (req, res) => {
    const username = typeof req.body?.username === 'string' ? req.body.username : '';
    if (!req.is('application/json') || !/^[a-z0-9._-]{1,64}$/.test(username)) {
      res.status(400).json({ error: 'username required' });
      return;
    }
    const rows: unknown[] = await hub.query(
      `SELECT 1 FROM hub_user u JOIN organisation o ON o.id = u.organisation_id
        WHERE u.username = $1 AND u.disabled_at IS NULL AND o.disabled_at IS NULL`,
      [username],
    );
    if (rows.length === 0) {
      res.status(404).json({ error: 'no such enabled user' });
      return;
    }
    res.json({ token: await issueToken(config, username) });
  });
  return router;
}
