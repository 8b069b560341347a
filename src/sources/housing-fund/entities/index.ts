import { FundAccount } from './fund-account.entity';
import { FundEmployerAccount } from './fund-employer-account.entity';
import { FundFreeze } from './fund-freeze.entity';

export { FundAccount, FundEmployerAccount, FundFreeze };
export const HOUSING_FUND_ENTITIES = [FundAccount, FundFreeze, FundEmployerAccount];
