import { AdministrativePenalty } from './administrative-penalty.entity';
import { ConsumptionRestriction } from './consumption-restriction.entity';
import { CreditRepair } from './credit-repair.entity';
import { DishonestDebtorEntry } from './dishonest-debtor-entry.entity';

export { AdministrativePenalty, ConsumptionRestriction, CreditRepair, DishonestDebtorEntry };
export const CREDIT_ENTITIES = [DishonestDebtorEntry, ConsumptionRestriction, AdministrativePenalty, CreditRepair];
