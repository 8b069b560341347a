import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import type { AuditLog } from '../audit/audit-log';
import { recordAuthFailure } from '../audit/record-auth-failure';
import { RequestAudit } from '../audit/request-audit';
import type { TokenVerifier } from '../auth/tokens';
import type { RequestContext } from '../context';
import { silentLogger, type Logger } from '../observability/logger';
import { unauthenticated } from '../schema/error-codes';
import { createHubLoaders } from '../services/hub-loaders';
import type { Services } from '../services/services';
import { createLoaders, type Sources } from '../sources/sources';

export interface ContextDeps {
  hub: DataSource;
  sources: Sources;
  services: Services;
  verifier: TokenVerifier;
  /** The audit log; null only when switched off for a benchmark. */
  audit: AuditLog | null;
  /** Root logger; each request logs through a child bound to its request id. */
  logger?: Logger;
}

const CORRELATION_ID = /^[A-Za-z0-9._-]{8,64}$/;

type IdentifiedRequest = Request & { requestId?: string; correlationId?: string | null };

/**
 * The X-Request-Id a caller sent, when well-formed: kept as a correlation id so a request can be followed across
 * systems, never as the hub's own request id (a caller could otherwise make two requests share one).
 */
export function correlationIdOf(req: Request): string | null {
  const given = req.header('x-request-id');
  return given && CORRELATION_ID.test(given) ? given : null;
}

/** Gives the request its own id (and notes the caller's correlation id) once, before anything logs or records it. */
export function identifyRequest(req: Request): { requestId: string; correlationId: string | null } {
  const r = req as IdentifiedRequest;
  r.requestId ??= randomUUID();
  if (r.correlationId === undefined) r.correlationId = correlationIdOf(req);
  return { requestId: r.requestId, correlationId: r.correlationId };
}

/** Authenticates the request and builds its context; any failure is UNAUTHENTICATED with no detail on why. */
export async function createContext(deps: ContextDeps, req: Request): Promise<RequestContext> {
  const { requestId, correlationId } = identifyRequest(req);
  const log = (deps.logger ?? silentLogger).child(correlationId ? { requestId, correlationId } : { requestId });
  const header = req.header('authorization');
  const match = header ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header) : null;
  if (!match) throw unauthenticated();
  const verified = await deps.verifier.verify(match[1]);
  const attempt = { requestId, correlationId, clientAddress: req.ip ?? null };
  if ('reason' in verified) {
    if (verified.claim !== undefined) {
      await recordAuthFailure(deps.audit, { ...attempt, username: verified.claim, reason: verified.reason }, (m) => log.warn(m));
    }
    throw unauthenticated('Invalid or expired token');
  }
  const viewer = await deps.services.viewers.get(verified.username);
  if (!viewer) {
    await recordAuthFailure(deps.audit, { ...attempt, username: verified.username, reason: 'unknown or disabled user' }, (m) => log.warn(m));
    throw unauthenticated('Unknown or disabled user');
  }
  return {
    requestId,
    viewer,
    hub: deps.hub,
    sources: deps.sources,
    services: deps.services,
    loaders: createLoaders(deps.sources, log),
    hubLoaders: createHubLoaders(deps.hub),
    clientAddress: req.ip ?? null,
    audit: new RequestAudit(deps.audit, requestId, viewer, req.ip ?? null, correlationId),
    log,
  };
}
