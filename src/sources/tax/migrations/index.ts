import { InitialTax1795313496797 } from './1795313496797-initial-tax';
import { TaxBankruptcyInbox1796150000000 } from './1796150000000-tax-bankruptcy-inbox';

export const TAX_MIGRATIONS = [InitialTax1795313496797, TaxBankruptcyInbox1796150000000];
