import type { RequestContext } from '../context';
import { badUserInput } from '../schema/error-codes';
import { checkFirst, connectionOf, decodeCursor, encodeCursor, type PageArgs } from './pagination';

/** Notifications addressed to the viewer, or to their organisation as a whole; newest first. */
export class NotificationService {
  async list(ctx: RequestContext, page: PageArgs, unreadOnly: boolean) {
    checkFirst(page.first);
    const where = [`organisation_id = $1`, `(user_id IS NULL OR user_id = $2)`];
    if (unreadOnly) where.push('read_at IS NULL');
    const params: unknown[] = [ctx.viewer.organisationId, ctx.viewer.userId];
    const [{ count }] = await ctx.hub.query(`SELECT count(*)::int AS count FROM notification WHERE ${where.join(' AND ')}`, params);
    if (page.after) {
      const [at, id] = decodeCursor(page.after);
      if (Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id)) throw badUserInput('after', 'not a cursor returned by this API');
      params.push(at, id);
      where.push(`(created_at, id) < ($3::timestamptz, $4::uuid)`);
    }
    const rows: Array<{ id: string; createdAt: Date }> = await ctx.hub.query(
      `SELECT id, kind, message, order_id AS "orderId", created_at AS "createdAt", read_at IS NOT NULL AS read
         FROM notification WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ${page.first + 1}`,
      params,
    );
    return connectionOf(rows, page.first, (n) => encodeCursor(new Date(n.createdAt).toISOString(), n.id), count);
  }

  async markRead(ctx: RequestContext, ids: string[]): Promise<number> {
    if (ids.length > 100 || ids.some((id) => !/^[0-9a-f-]{36}$/i.test(id))) throw badUserInput('ids', 'at most 100 notification ids');
    const result = await ctx.hub.query(
      `UPDATE notification SET read_at = now() WHERE id = ANY($1::uuid[]) AND organisation_id = $2 AND (user_id IS NULL OR user_id = $3) AND read_at IS NULL RETURNING id`,
      [ids, ctx.viewer.organisationId, ctx.viewer.userId],
    );
    return (Array.isArray(result[0]) ? result[0] : result).length;
  }
}
