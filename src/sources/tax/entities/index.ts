import { TaxArrear } from './tax-arrear.entity';
import { TaxFiling } from './tax-filing.entity';
import { TaxRefund } from './tax-refund.entity';
import { Taxpayer } from './taxpayer.entity';

export { TaxArrear, TaxFiling, TaxRefund, Taxpayer };
export const TAX_ENTITIES = [Taxpayer, TaxFiling, TaxArrear, TaxRefund];
