import type { EntityManager } from 'typeorm';
import { badUserInput } from '../../schema/error-codes';
import { lockCase, type CaseEntity } from './lock-case';

/** Closes the case at `now` (the hub's clock; locked first; a closed case gives no one access) and returns its id. */
export async function closeCase(m: EntityManager, entity: CaseEntity, caseNo: string, now: Date): Promise<string> {
  const c = await lockCase(m, entity, caseNo);
  if (c.status === 'CLOSED') throw badUserInput('caseNo', `case ${caseNo} is already closed`);
  await m.getRepository(entity).update({ id: c.id }, { status: 'CLOSED', closedAt: now });
  return c.id;
}
