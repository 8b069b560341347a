import { InitialTax1795313496797 } from './1795313496797-initial-tax';

export const TAX_MIGRATIONS = [InitialTax1795313496797];
