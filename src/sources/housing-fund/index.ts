import { defineSource } from '../source-definition';
import { fromSource } from '../from-source';
import { FundAccount, FundEmployerAccount, FundFreeze, HOUSING_FUND_ENTITIES } from './entities';
import { HOUSING_FUND_MIGRATIONS } from './migrations';
import { HousingFundConnector } from './housing-fund.connector';
import { HOUSING_FUND_CONTROL } from './housing-fund.control';
import { seedHousingFundDemo } from './housing-fund.demo';
import { HOUSING_FUND_POLICY } from './housing-fund.policy';
import { toHousingFund } from './housing-fund-record';
import { generateHousingFund } from './housing-fund.synthetic';
import { HousingFund } from './housing-fund.type';

/**
 * 公积金: persons' fund accounts with their freezes, and employers' unit accounts.
 *
 * Keys: a person's account is the asset, keyed by its account no. (`fund_account.account_no`, the primary key, which
 * its freezes reference); an employer's unit account by its account no. too, and it is found by credit code
 * (unique). A freeze's place in the queue is its `rank` (0 the effective freeze, n the n-th 轮候).
 */
export const housingFund = defineSource({
  name: 'housingFund',
  entities: HOUSING_FUND_ENTITIES,
  migrations: HOUSING_FUND_MIGRATIONS,
  connectors: { housingFund: HousingFundConnector },
  subject: {
    records: {
      housingFund: {
        type: () => HousingFund,
        description: 'Housing provident fund (公积金): a person’s account or an enterprise’s unit account.',
        resolve: async (s, ctx): Promise<unknown> => toHousingFund(await fromSource(ctx, 'housingFund', s.idNumber)),
      },
    },
  },
  policy: HOUSING_FUND_POLICY,
  demo: { sentinel: FundAccount, seed: seedHousingFundDemo },
  synthetic: { accounts: FundAccount, freezes: FundFreeze, employers: FundEmployerAccount },
  generate: generateHousingFund,
  control: HOUSING_FUND_CONTROL,
  floor: [
    `SELECT a.*, f.id AS f_id, f.court AS f_court, f.case_no AS f_case_no, f.amount AS f_amount, f.rank AS f_rank,
       f.frozen_on AS f_frozen_on, f.expires_on AS f_expires_on, f.released_on AS f_released_on
     FROM fund_account a LEFT JOIN fund_freeze f ON f.account_no = a.account_no
     WHERE a.holder_id_number = ANY($1) ORDER BY a.opened_on, a.account_no, f.rank, f.frozen_on`,
    'SELECT * FROM fund_employer_account WHERE credit_code = ANY($1)',
  ],
});
