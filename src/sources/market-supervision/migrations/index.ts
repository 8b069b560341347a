import { InitialMarketSupervision1796133368042 } from './1796133368042-initial-market-supervision';
import { MarketSupervisionAssistance1796140005000 } from './1796140005000-market-supervision-assistance';

export const MARKET_SUPERVISION_MIGRATIONS = [InitialMarketSupervision1796133368042, MarketSupervisionAssistance1796140005000];
