import { InitialCredit1795313501754 } from './1795313501754-initial-credit';
import { CreditBankruptcyInbox1796150002000 } from './1796150002000-credit-bankruptcy-inbox';

export const CREDIT_MIGRATIONS = [InitialCredit1795313501754, CreditBankruptcyInbox1796150002000];
