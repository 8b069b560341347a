import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import type { AuditLog } from '../audit/audit-log';
import { recordAuthFailure } from '../audit/record-auth-failure';
import { RequestAudit } from '../audit/request-audit';
import type { TokenVerifier } from '../auth/tokens';
import { loadViewer } from '../auth/viewer';
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

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** A caller-supplied X-Request-Id is kept when well-formed, so a request can be followed across systems. */
export function requestIdOf(req: Request): string {
  const given = req.header('x-request-id');
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Authenticates the request and builds its context; any failure is UNAUTHENTICATED with no detail on why. */
export async function createContext(deps: ContextDeps, req: Request): Promise<RequestContext> {
  const requestId = (req as Request & { requestId?: string }).requestId ?? requestIdOf(req);
  const log = (deps.logger ?? silentLogger).child({ requestId });
  const header = req.header('authorization');
  const match = header ? /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header) : null;
  if (!match) throw unauthenticated();
  const verified = await deps.verifier.verify(match[1]);
  if ('reason' in verified) throw unauthenticated('Invalid or expired token');
  const viewer = await loadViewer(deps.hub, verified.username);
  if (!viewer) {
    await recordAuthFailure(deps.audit, { requestId, username: verified.username, clientAddress: req.ip ?? null }, (m) => log.warn(m));
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
    audit: new RequestAudit(deps.audit, requestId, viewer, req.ip ?? null),
    log,
  };
}
