import { once } from 'node:events';
import express from 'express';
import { GraphQLError } from 'graphql';
import { createContext, identifyRequest, type ContextDeps } from '../server/create-context';
import { checkAuditDraft } from './check-audit';
import { actorOf } from './dishonest-check.service';

/** Where a batch is uploaded (POST) and its result downloaded (GET …/:id/result), beside /graphql. */
export const BATCH_PATH = '/dishonest-checks/batch';
/** How much of a refused upload is read and discarded so the client can read the answer; past it the connection closes. */
const DRAIN_LIMIT_BYTES = 256 * 1024 * 1024;

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SOURCE_UNAVAILABLE: 503,
};

function statusOf(error: GraphQLError): number {
  const ext = error.extensions ?? {};
  if (ext.reason === 'RATE_LIMITED') return 429;
  if (ext.reason === 'TOO_MANY_LINES') return 413;
  return STATUS[String(ext.code)] ?? 500;
}

/** A GraphQL-shaped error body (the codes of DESIGN.md "Errors"), never a stack trace. */
function sendError(res: express.Response, error: unknown): void {
  const known = error instanceof GraphQLError ? error : null;
  const status = known ? statusOf(known) : 500;
  const extensions = known
    ? Object.fromEntries(Object.entries(known.extensions ?? {}).filter(([k]) => k !== 'http'))
    : { code: 'INTERNAL_SERVER_ERROR' };
  if (known?.extensions?.retryAfterSeconds) res.setHeader('retry-after', String(known.extensions.retryAfterSeconds));
  res
    .status(status)
    .json({ errors: [{ message: known && status < 500 ? known.message : status === 503 ? known!.message : 'Internal server error', extensions }] });
}

/** Reads and discards what is left of a refused upload (bounded), so the client gets the answer rather than a reset. */
async function drain(req: express.Request): Promise<void> {
  if (req.complete || req.destroyed) return;
  let read = 0;
  req.on('data', (chunk: Buffer) => {
    read += chunk.length;
    if (read > DRAIN_LIMIT_BYTES) req.destroy();
  });
  req.resume();
  await Promise.race([once(req, 'end'), once(req, 'close')]).catch(() => undefined);
}

const cell = (value: string): string => {
  // A spreadsheet runs a cell starting with = + - @ as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * Batch checks over HTTP (a file does not fit a GraphQL request): the same bearer token, the same policy and audit.
 *   POST /dishonest-checks/batch?purpose=GOVERNMENT_PROCUREMENT&applicationNo=… with the CSV as the body → 202 and the batch
 *   GET  /dishonest-checks/batch/:id/result → the result CSV (UTF-8 with BOM), for the uploading agency, once DONE
 */
export function checkRoutes(deps: ContextDeps): express.Router {
  const router = express.Router();
  const service = deps.services.checks;

  router.post(BATCH_PATH, async (req, res) => {
    const { requestId } = identifyRequest(req);
    res.setHeader('x-request-id', requestId);
    try {
      if (/^multipart\//i.test(req.header('content-type') ?? '')) {
        throw new GraphQLError('Send the CSV file itself as the request body (content-type text/csv), not as a form', {
          extensions: { code: 'BAD_USER_INPUT', reason: 'NOT_A_CSV_BODY' },
        });
      }
      const ctx = await createContext(deps, req);
      const purpose = typeof req.query.purpose === 'string' ? req.query.purpose : undefined;
      const applicationNo = typeof req.query.applicationNo === 'string' ? req.query.applicationNo : undefined;
      try {
        const batch = await service.startBatch(ctx.viewer, actorOf(ctx), purpose, applicationNo, req);
        res.status(202).json({ data: { dishonestCheckBatch: batch } });
      } catch (error) {
        // Any other refusal of a signed-in agency is on the record too (a bad purpose, a NUL in the number …).
        const reason = error instanceof GraphQLError ? String(error.extensions?.reason ?? error.extensions?.code) : 'INTERNAL_SERVER_ERROR';
        if (reason !== 'PURPOSE_NOT_DECLARED' && reason !== 'TOO_MANY_LINES') {
          await service
            .append([
              checkAuditDraft(actorOf(ctx), {
                checkId: null,
                operation: 'dishonestCheckBatch',
                purpose: String(purpose ?? '').slice(0, 32),
                applicationNo: String(applicationNo ?? '').slice(0, 64),
                outcome: error instanceof GraphQLError && error.extensions?.code === 'FORBIDDEN' ? 'DENIED' : 'FAILED',
                detail: { reason, message: error instanceof Error ? error.message.slice(0, 300) : null },
              }),
            ])
            .catch(() => undefined);
        }
        throw error;
      }
    } catch (error) {
      await drain(req);
      sendError(res, error);
    }
  });

  router.get(`${BATCH_PATH}/:id/result`, async (req, res) => {
    const { requestId } = identifyRequest(req);
    res.setHeader('x-request-id', requestId);
    let started = false;
    try {
      const ctx = await createContext(deps, req);
      const id = String(req.params.id);
      const rows = service.resultRows(ctx.viewer, id);
      const first = await rows.next(); // ownership and state are checked before anything is sent
      const batch = await service.batchStatus(ctx.viewer, id);
      await service.append([
        checkAuditDraft(actorOf(ctx), {
          checkId: id,
          operation: 'dishonestCheckBatch',
          purpose: batch.purpose,
          applicationNo: batch.applicationNo,
          outcome: 'ALLOWED',
          detail: { step: 'RESULT_DOWNLOAD' },
        }),
      ]);
      res.status(200);
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="dishonest-check-${id}.csv"`);
      res.setHeader('cache-control', 'no-store');
      started = true;
      res.write('\uFEFF');
      let row = first;
      let buffer = '';
      while (!row.done) {
        buffer += `${row.value.map(cell).join(',')}\r\n`;
        if (buffer.length >= 64 * 1024) {
          if (!res.write(buffer)) await once(res, 'drain');
          buffer = '';
        }
        row = await rows.next();
      }
      res.end(buffer);
    } catch (error) {
      if (started) res.destroy();
      else sendError(res, error);
    }
  });

  return router;
}
