import type { RequestContext } from '../context';
import { forbidden } from '../schema/error-codes';

/**
 * The court whose measures and counts a viewer may supervise: a court's own supervision office (an AUDITOR of a
 * COURT organisation) supervises that court only; the procuratorate (and, for counts, the operator) all courts.
 * Asking for another court is FORBIDDEN. Returns the court code to restrict to, or null for all.
 */
export function supervisedCourt(ctx: RequestContext, asked: string | null | undefined): string | null {
  if (ctx.viewer.organisationKind !== 'COURT') return asked ?? null;
  if (asked && asked !== ctx.viewer.organisationCode) throw forbidden('A court supervises its own measures only');
  return ctx.viewer.organisationCode;
}
