import type { AuditLog } from './audit-log';
import { authFailureDraft } from './request-audit';

/**
 * Records a token that verified but names an unknown, disabled or malformed user. The request is refused either way, so a
 * failed append is reported to the caller's log and not to the client.
 */
export async function recordAuthFailure(
  audit: AuditLog | null,
  attempt: { requestId: string; correlationId?: string | null; username: string; clientAddress: string | null; reason: string },
  warn: (message: string) => void,
): Promise<void> {
  if (!audit) return;
  try {
    await audit.writer.append([
      authFailureDraft(attempt.requestId, attempt.username, attempt.clientAddress, attempt.reason, attempt.correlationId ?? null),
    ]);
  } catch (error) {
    warn(`audit append failed for a refused sign-in: ${error instanceof Error ? error.message : error}`);
  }
}
