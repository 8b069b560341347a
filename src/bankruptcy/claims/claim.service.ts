import type { RequestContext } from '../../context';
import { recordSteps } from '../../control/control-orders';
import type { ControlRuntime } from '../../control/control-runtime';
import { textArgument } from '../../services/admin/text-argument';
import { conflict, forbidden, notFound } from '../../schema/error-codes';
import { may } from '../../auth/policy';
import { addBankruptcyEvent, bankruptcyAuditDraft, historyOf, notifyCase } from '../bankruptcy-steps';
import { claimsOfCase, loadClaim, type ClaimRow } from './claims';

const NO_SUCH_CLAIM = 'No such claim in a case your firm is appointed to';
const KIND_LABEL: Record<string, string> = { TAX: '税务', SOCIAL_SECURITY: '社保' };

/** The administrator's side of the claims: read them, confirm or dispute a filed one. */
export class ClaimService {
  constructor(readonly runtime: ControlRuntime) {}

  /** The claims of a case the viewer is already bound to (BankruptcyCase.claims), with their history. */
  async ofCase(ctx: RequestContext, caseId: string) {
    const claims = await claimsOfCase(ctx.hub, caseId);
    const history = await historyOf(
      ctx.hub,
      claims.map((c) => c.id),
    );
    return claims.map((c) => view(c, history.get(c.id) ?? []));
  }

  confirm(ctx: RequestContext, id: string) {
    return this.decide(ctx, 'Mutation.confirmClaim', id, null);
  }

  dispute(ctx: RequestContext, id: string, rawReason: string) {
    const reason = textArgument('reason', rawReason, { max: 500 });
    return this.decide(ctx, 'Mutation.disputeClaim', id, reason);
  }

  /** FILED → CONFIRMED, or → DISPUTED with a reason; any other state is a CONFLICT. Row-locked: of two racing, one wins. */
  private async decide(ctx: RequestContext, operation: string, id: string, disputeReason: string | null) {
    if (!may(ctx.viewer, operation)) throw forbidden(`Your role may not perform ${operation}`);
    const found = await loadClaim(ctx.hub, id);
    if (!found) throw notFound(NO_SUCH_CLAIM);
    // The claim's case must be one the viewer's firm is validly appointed to; any other is not found, existing or not.
    await ctx.services.bankruptcyCases.findForViewer(ctx, found.caseNo).catch(() => {
      throw notFound(NO_SUCH_CLAIM);
    });
    const state = disputeReason === null ? 'CONFIRMED' : 'DISPUTED';
    const saved = await ctx.hub.transaction(async (m) => {
      const claim = (await loadClaim(m, id, true))!;
      if (claim.state !== 'FILED') throw conflict(`Only a filed claim can be ${state.toLowerCase()}; this one is ${claim.state}`, claim.state);
      const now = this.runtime.clock.now();
      await m.query(
        `UPDATE bankruptcy_claim SET state = $2, dispute_reason = $3, decided_at = $4, decided_by = $5, updated_at = $4, version = version + 1 WHERE id = $1`,
        [id, state, disputeReason, now, ctx.viewer.userId],
      );
      await addBankruptcyEvent(m, this.runtime, id, { actor: ctx.viewer.username, action: state, state, note: disputeReason });
      const label = KIND_LABEL[claim.kind] ?? claim.kind;
      await notifyCase(
        m,
        this.runtime,
        claim,
        state === 'CONFIRMED' ? 'CLAIM_CONFIRMED' : 'CLAIM_DISPUTED',
        state === 'CONFIRMED' ? `${claim.caseNo}：${label}债权经管理人审查确认` : `${claim.caseNo}：${label}债权有异议：${disputeReason}`,
        { agencySource: claim.source },
      );
      await recordSteps(this.runtime, [
        bankruptcyAuditDraft(claim, id, state === 'CONFIRMED' ? 'CLAIM_CONFIRMED' : 'CLAIM_DISPUTED', ctx.viewer.username, { source: claim.source }),
        bankruptcyAuditDraft(claim, id, 'NOTIFICATION', ctx.viewer.username, { notification: `CLAIM_${state}` }),
      ]);
      return (await loadClaim(m, id))!;
    });
    const history = await historyOf(ctx.hub, [id]);
    return view(saved, history.get(id) ?? []);
  }
}

function view(c: ClaimRow, history: Array<{ at: Date; actor: string | null; action: string; state: string; note: string | null }>) {
  return {
    id: c.id,
    caseNo: c.caseNo,
    source: c.source,
    kind: c.kind,
    creditor: c.creditor,
    state: c.state,
    asOf: c.asOf,
    principal: c.principal,
    lateFees: c.lateFees,
    priorityClass: c.priorityClass,
    lateFeesPriorityClass: 'ORDINARY',
    lines: c.lines ?? [],
    disputeReason: c.disputeReason,
    deliveredAt: c.deliveredAt,
    filedAt: c.filedAt,
    decidedAt: c.decidedAt,
    decidedBy: c.decidedBy,
    history,
  };
}
