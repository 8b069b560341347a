import type { EntityManager } from 'typeorm';
import type { AuditDraft } from '../../audit/audit-entry-hash';
import type { ControlRuntime } from '../../control/control-runtime';
import { bankruptcyAuditDraft, notifyCase, type CaseOfStep } from '../bankruptcy-steps';
import type { ReleasedEntry } from './credit-repair-processor';

/** A subject that left the dishonest-debtor list, and why. */
export interface DishonestListExit {
  case: CaseOfStep;
  subjectName: string;
  /** The entries the credit platform removed. */
  entries: ReleasedEntry[];
  /** What removed them: a credit repair granted after an approved reorganisation plan. */
  reason: 'CREDIT_REPAIR';
  /** The hub's request that led to it. */
  requestId: string;
  actor: string;
}

/** Further reactions to a list exit (e.g. telling those who checked the subject against the list). */
export type DishonestListExitListener = (m: EntityManager, runtime: ControlRuntime, exit: DishonestListExit) => Promise<AuditDraft[]>;

const listeners: DishonestListExitListener[] = [];

/** Registers a reaction to every list exit; it runs in the hub transaction that records the exit. */
export function addDishonestListExitListener(listener: DishonestListExitListener): void {
  listeners.push(listener);
}

/**
 * When a subject leaves the dishonest-debtor list: the court and the administrator are told which entries went, and
 * every registered listener runs in the same transaction. Returns the audit entries of what it did.
 */
export async function onDishonestListExit(m: EntityManager, runtime: ControlRuntime, exit: DishonestListExit): Promise<AuditDraft[]> {
  if (exit.entries.length === 0) return [];
  const list = exit.entries.map((e) => `${e.court} ${e.caseNo}`).join('、');
  await notifyCase(m, runtime, exit.case, 'DISHONEST_LIST_EXIT', `${exit.case.caseNo}：${exit.subjectName}已移出失信被执行人名单（${list}）`);
  const drafts = [
    bankruptcyAuditDraft(exit.case, exit.requestId, 'NOTIFICATION', exit.actor, {
      notification: 'DISHONEST_LIST_EXIT',
      entries: exit.entries.length,
    }),
  ];
  for (const listener of listeners) drafts.push(...(await listener(m, runtime, exit)));
  return drafts;
}
