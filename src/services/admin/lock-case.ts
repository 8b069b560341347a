import type { EntityManager, FindOptionsWhere } from 'typeorm';
import { BankruptcyCase, ExecutionCase } from '../../entities/hub';
import { notFound } from '../../schema/error-codes';

export type CaseEntity = typeof ExecutionCase | typeof BankruptcyCase;

const NAMES = new Map<CaseEntity, string>([
  [ExecutionCase, 'execution case'],
  [BankruptcyCase, 'bankruptcy case'],
]);

/** The case row, locked so concurrent changes to one case (assignments, appointments, closing) serialise. */
export async function lockCase<E extends CaseEntity>(m: EntityManager, entity: E, caseNo: string): Promise<InstanceType<E>> {
  const c = await m.getRepository<InstanceType<E>>(entity).findOne({
    where: { caseNo } as FindOptionsWhere<InstanceType<E>>,
    lock: { mode: 'pessimistic_write' },
  });
  if (!c) throw notFound(`No ${NAMES.get(entity)} ${caseNo}`);
  return c;
}
