import { defineSource } from '../source-definition';
import { fromSource } from '../from-source';
import { TAX_ENTITIES, TaxArrear, TaxFiling, TaxRefund, Taxpayer } from './entities';
import { TAX_MIGRATIONS } from './migrations';
import { TaxConnector } from './tax.connector';
import { seedTaxDemo } from './tax.demo';
import { TAX_POLICY } from './tax.policy';
import { toTaxRecord } from './tax-record';
import { TaxRecord } from './tax.type';
import { taxSynthetic } from './tax.synthetic';

/** 税务: taxpayer profile, filings, arrears and refunds due. */
export const tax = defineSource({
  name: 'tax',
  entities: TAX_ENTITIES,
  migrations: TAX_MIGRATIONS,
  connectors: { tax: TaxConnector },
  subject: {
    records: {
      tax: { type: () => TaxRecord, resolve: async (s, ctx): Promise<unknown> => toTaxRecord(await fromSource(ctx, 'tax', s.idNumber)) },
    },
  },
  policy: TAX_POLICY,
  demo: { sentinel: Taxpayer, seed: seedTaxDemo },
  synthetic: { taxpayers: Taxpayer, filings: TaxFiling, arrears: TaxArrear, refunds: TaxRefund },
  generate: taxSynthetic,
  floor: [
    'SELECT * FROM taxpayer WHERE id_number = ANY($1)',
    'SELECT * FROM tax_filing WHERE taxpayer_id_number = ANY($1) ORDER BY period DESC',
    'SELECT * FROM tax_arrear WHERE taxpayer_id_number = ANY($1) ORDER BY since',
    'SELECT * FROM tax_refund WHERE taxpayer_id_number = ANY($1) ORDER BY applied_on',
  ],
});
