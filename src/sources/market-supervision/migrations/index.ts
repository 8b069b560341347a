import { InitialMarketSupervision1796133368042 } from './1796133368042-initial-market-supervision';

export const MARKET_SUPERVISION_MIGRATIONS = [InitialMarketSupervision1796133368042];
