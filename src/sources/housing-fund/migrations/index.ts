import { InitialHousingFund1796133346237 } from './1796133346237-initial-housing-fund';

export const HOUSING_FUND_MIGRATIONS = [InitialHousingFund1796133346237];
