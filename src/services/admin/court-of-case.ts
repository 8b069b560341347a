import type { EntityManager } from 'typeorm';
import { Organisation } from '../../entities/hub';
import { parseCaseNo } from '../../ids/case-number';
import { badUserInput, notFound } from '../../schema/error-codes';

/** The enabled court a (validated) case number names, e.g. 皖1524 for (2024)皖1524执123号. */
export async function courtOfCase(m: EntityManager, caseNo: string, argument: string): Promise<Organisation> {
  const courtCode = parseCaseNo(caseNo)!.courtCode;
  const court = await m.getRepository(Organisation).findOneBy({ code: courtCode, kind: 'COURT' });
  if (!court) throw notFound(`No court with code ${courtCode} (named by ${argument}) is registered`);
  if (court.disabledAt) throw badUserInput(argument, `court ${courtCode} is disabled`);
  return court;
}
