import { defineSource } from '../source-definition';
import { fromSource } from '../from-source';
import { EnterpriseRegistration, EquityFreeze, MARKET_SUPERVISION_ENTITIES, Shareholding } from './entities';
import { MARKET_SUPERVISION_MIGRATIONS } from './migrations';
import { MarketSupervisionConnector } from './market-supervision.connector';
import { MARKET_SUPERVISION_CONTROL } from './market-supervision.control';
import { seedMarketSupervisionDemo } from './market-supervision.demo';
import { MARKET_SUPERVISION_POLICY } from './market-supervision.policy';
import { toMarketRegistration, toShareholdings } from './market-supervision-record';
import { generateMarketSupervision } from './market-supervision.synthetic';
import { MarketRegistration, ShareholdingType } from './market-supervision.type';

/**
 * 市场监管: enterprise registrations (status, registered address, legal representative, capital) and the
 * shareholdings (股权) of persons and enterprises, with equity freezes.
 *
 * Keys: a registration by the enterprise's credit code (`enterprise_registration.credit_code`); a shareholding is the
 * asset (holder_id_number, target_credit_code), unique, and `shareholding.id` (uuid) links its freezes
 * (`shareholding_id`). A freeze's place in the queue is its `rank` (0 the effective freeze, n the n-th 轮候).
 */
export const marketSupervision = defineSource({
  name: 'marketSupervision',
  entities: MARKET_SUPERVISION_ENTITIES,
  migrations: MARKET_SUPERVISION_MIGRATIONS,
  connectors: { marketSupervision: MarketSupervisionConnector },
  subject: {
    records: {
      marketRegistration: {
        type: () => MarketRegistration,
        description: 'Enterprises: the registration (市场监管), with the registered address.',
        resolve: async (s, ctx): Promise<unknown> => toMarketRegistration(await fromSource(ctx, 'marketSupervision', s.idNumber)),
      },
      shareholdings: {
        type: () => [ShareholdingType],
        description: 'Equity (股权) held in enterprises, with freezes and a reference value.',
        resolve: async (s, ctx): Promise<unknown> => toShareholdings(await fromSource(ctx, 'marketSupervision', s.idNumber)),
      },
    },
  },
  policy: MARKET_SUPERVISION_POLICY,
  demo: { sentinel: EnterpriseRegistration, seed: seedMarketSupervisionDemo },
  synthetic: { registrations: EnterpriseRegistration, shareholdings: Shareholding, freezes: EquityFreeze },
  generate: generateMarketSupervision,
  control: MARKET_SUPERVISION_CONTROL,
  floor: [
    'SELECT * FROM enterprise_registration WHERE credit_code = ANY($1)',
    `SELECT s.*, f.id AS f_id, f.court AS f_court, f.case_no AS f_case_no, f.rank AS f_rank, f.frozen_on AS f_frozen_on,
       f.expires_on AS f_expires_on, f.released_on AS f_released_on
     FROM shareholding s LEFT JOIN equity_freeze f ON f.shareholding_id = s.id
     WHERE s.holder_id_number = ANY($1) ORDER BY s.target_credit_code, s.id, f.rank, f.frozen_on`,
    `SELECT * FROM enterprise_registration
     WHERE credit_code IN (SELECT target_credit_code FROM shareholding WHERE holder_id_number = ANY($1))`,
  ],
});
