import { EnterpriseRegistration } from './enterprise-registration.entity';
import { EquityFreeze } from './equity-freeze.entity';
import { Shareholding } from './shareholding.entity';

export { EnterpriseRegistration, EquityFreeze, Shareholding };
export const MARKET_SUPERVISION_ENTITIES = [EnterpriseRegistration, Shareholding, EquityFreeze];
