import { defineSource } from '../source-definition';
import { fromSource } from '../from-source';
import { AdministrativePenalty, ConsumptionRestriction, CREDIT_ENTITIES, CreditRepair, DishonestDebtorEntry } from './entities';
import { CREDIT_MIGRATIONS } from './migrations';
import { CreditConnector } from './credit.connector';
import { seedCreditDemo } from './credit.demo';
import { CREDIT_POLICY } from './credit.policy';
import { toCreditRecord } from './credit-record';
import { CreditRecord } from './credit.type';
import { creditSynthetic } from './credit.synthetic';

/** 信用: dishonest-debtor entries, consumption restrictions, administrative penalties, credit repairs. */
export const credit = defineSource({
  name: 'credit',
  entities: CREDIT_ENTITIES,
  migrations: CREDIT_MIGRATIONS,
  connectors: { credit: CreditConnector },
  subject: {
    records: {
      credit: { type: () => CreditRecord, resolve: async (s, ctx): Promise<unknown> => toCreditRecord(await fromSource(ctx, 'credit', s.idNumber)) },
    },
  },
  policy: CREDIT_POLICY,
  demo: { sentinel: DishonestDebtorEntry, seed: seedCreditDemo },
  synthetic: {
    dishonestDebtors: DishonestDebtorEntry,
    consumptionRestrictions: ConsumptionRestriction,
    penalties: AdministrativePenalty,
    creditRepairs: CreditRepair,
  },
  generate: creditSynthetic,
  floor: [
    'SELECT * FROM dishonest_debtor_entry WHERE subject_id_number = ANY($1) ORDER BY listed_on',
    'SELECT * FROM consumption_restriction WHERE subject_id_number = ANY($1) ORDER BY issued_on',
    'SELECT * FROM administrative_penalty WHERE subject_id_number = ANY($1) ORDER BY decided_on',
    'SELECT * FROM credit_repair WHERE subject_id_number = ANY($1) ORDER BY repaired_on',
  ],
});
