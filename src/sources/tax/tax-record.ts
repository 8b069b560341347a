import type { LinkedPerson } from '../../schema/records.type';
import type { TaxRecord } from './tax.type';
import type { TaxBundle } from './tax.connector';

function sum(amounts: string[]): string {
  // Integer cents: exact for any realistic total.
  const cents = amounts.reduce((acc, a) => acc + BigInt(Math.round(Number(a) * 100)), 0n);
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

export function toTaxRecord(b: TaxBundle): TaxRecord {
  const p = b.profile;
  const rep: LinkedPerson | null =
    p?.legalRepresentativeIdNumber && p.legalRepresentativeName
      ? ({ name: p.legalRepresentativeName, idNumber: p.legalRepresentativeIdNumber } as LinkedPerson)
      : null;
  return {
    registered: p !== null,
    taxAuthority: p?.taxAuthority ?? null,
    creditGrade: p?.creditGrade ?? null,
    legalRepresentative: rep,
    filings: b.filings,
    arrears: b.arrears,
    refundsDue: b.refunds.filter((r) => r.status !== 'PAID'),
    totalArrears: sum(b.arrears.flatMap((a) => [a.amount, a.lateFee])),
  };
}
