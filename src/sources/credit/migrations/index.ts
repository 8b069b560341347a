import { InitialCredit1795313501754 } from './1795313501754-initial-credit';

export const CREDIT_MIGRATIONS = [InitialCredit1795313501754];
