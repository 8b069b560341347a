import { InitialHousingFund1796133346237 } from './1796133346237-initial-housing-fund';
import { HousingFundAssistance1796140004000 } from './1796140004000-housing-fund-assistance';

export const HOUSING_FUND_MIGRATIONS = [InitialHousingFund1796133346237, HousingFundAssistance1796140004000];
