import { InitialDeposit1796133326290 } from './1796133326290-initial-deposit';

export const DEPOSIT_MIGRATIONS = [InitialDeposit1796133326290];
