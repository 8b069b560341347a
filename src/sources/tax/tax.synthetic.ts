import { logUniform, dayBetween, iso, money, toDay, yearOf, DAY_MS, YEAR, type WovenGenerator } from '../../seed/synthetic-chunk';
import { taxAuthority } from '../../seed/synthetic-catalogue';

export interface TaxpayerRow {
  idNumber: string;
  name: string;
  kind: 'PERSON' | 'ENTERPRISE';
  taxAuthority: string;
  creditGrade: string | null;
  legalRepresentativeName: string | null;
  legalRepresentativeIdNumber: string | null;
  registeredOn: string;
}
export interface TaxFilingRow {
  id: string;
  taxpayerIdNumber: string;
  period: string;
  taxType: string;
  taxableAmount: string;
  taxPaid: string;
  filedOn: string;
}
export interface TaxArrearRow {
  id: string;
  taxpayerIdNumber: string;
  taxType: string;
  period: string;
  amount: string;
  lateFee: string;
  since: string;
}
export interface TaxRefundRow {
  id: string;
  taxpayerIdNumber: string;
  kind: 'EXPORT_REBATE' | 'OVERPAYMENT' | 'VAT_CREDIT';
  amount: string;
  status: 'PENDING' | 'APPROVED' | 'PAID';
  appliedOn: string;
}
export type TaxRows = { taxpayers: TaxpayerRow[]; filings: TaxFilingRow[]; arrears: TaxArrearRow[]; refunds: TaxRefundRow[] };

const TAX_TYPES = {
  vat: '增值税',
  corporateIncome: '企业所得税',
  personalIncome: '个人所得税',
  property: '房产税',
  landUse: '城镇土地使用税',
} as const;

function personalIncomeTax(taxable: number): number {
  if (taxable <= 36_000) return taxable * 0.03;
  if (taxable <= 144_000) return taxable * 0.1 - 2_520;
  if (taxable <= 300_000) return taxable * 0.2 - 16_920;
  if (taxable <= 420_000) return taxable * 0.25 - 31_920;
  return taxable * 0.3 - 52_920;
}

/**
 * Every enterprise a taxpayer with a credit grade, monthly VAT and the last annual corporate income tax (troubled ones
 * missing the latest months, some in arrears, which marks them troubled), exporters with rebates; three persons in ten
 * file personal income tax.
 */
export const taxSynthetic: WovenGenerator<TaxRows> = {
  // Enterprises in arrears of contributions are likelier in arrears of tax.
  after: ['socialSecurity'],
  start(chunk) {
    const { asOf } = chunk;
    const rng = chunk.stream('tax');
    const tax: TaxRows = { taxpayers: [], filings: [], arrears: [], refunds: [] };
    const asOfYear = yearOf(asOf);
    // The last annual return whose deadline (31 May / 30 June) has passed.
    const lastCorporateYear = iso(asOf).slice(5) > '05-31' ? asOfYear - 1 : asOfYear - 2;
    const lastPersonalYear = iso(asOf).slice(5) > '06-30' ? asOfYear - 1 : asOfYear - 2;
    const arrear = (idNumber: string, taxType: string, amount: number) => {
      const since = asOf - rng.int(20, 720);
      const period = iso(since - 15).slice(0, 7);
      const lateFee = Math.min(amount, amount * 0.0005 * (asOf - since));
      tax.arrears.push({
        id: chunk.uuid(),
        taxpayerIdNumber: idNumber,
        taxType,
        period,
        amount: money(amount),
        lateFee: money(lateFee),
        since: iso(since),
      });
    };

    for (const e of chunk.enterprises) {
      const hasArrears = rng.chance(e.troubled ? 0.35 : 0.05);
      const isNew = e.registeredDay > asOf - YEAR;
      const r = rng.next();
      const grade = hasArrears
        ? r < 0.4
          ? 'C'
          : 'D'
        : isNew
          ? 'M'
          : e.exporter
            ? r < 0.5
              ? 'A'
              : 'B'
            : r < 0.2
              ? 'A'
              : r < 0.75
                ? 'B'
                : r < 0.95
                  ? 'M'
                  : 'C';
      e.troubled ||= hasArrears || grade === 'D';
      tax.taxpayers.push({
        idNumber: e.idNumber,
        name: e.name,
        kind: 'ENTERPRISE',
        taxAuthority: taxAuthority(e.region),
        creditGrade: grade,
        legalRepresentativeName: e.legalRep.name,
        legalRepresentativeIdNumber: e.legalRep.idNumber,
        registeredOn: iso(dayBetween(rng, e.registeredDay, e.registeredDay + 60)),
      });
      const monthlyRevenue = (e.employees + 1) * logUniform(rng, 8_000, 40_000);
      const smallScale = e.employees < 10;
      // Troubled enterprises have stopped filing for the latest months.
      const missed = e.troubled ? rng.int(0, 3) : 0;
      const asOfMonth = new Date(asOf * DAY_MS);
      for (let m = 6; m > missed; m--) {
        const start = Date.UTC(asOfMonth.getUTCFullYear(), asOfMonth.getUTCMonth() - m, 1) / DAY_MS;
        if (start < e.registeredDay) continue;
        const nextMonth = Date.UTC(asOfMonth.getUTCFullYear(), asOfMonth.getUTCMonth() - m + 1, 1) / DAY_MS;
        const taxable = monthlyRevenue * (0.7 + 0.6 * rng.next());
        tax.filings.push({
          id: chunk.uuid(),
          taxpayerIdNumber: e.idNumber,
          period: iso(start).slice(0, 7),
          taxType: TAX_TYPES.vat,
          taxableAmount: money(taxable),
          taxPaid: money(taxable * (smallScale ? 0.03 : 0.13 * 0.3)),
          filedOn: iso(Math.min(asOf, nextMonth + rng.int(0, 14))),
        });
      }
      if (e.registeredDay < Date.UTC(lastCorporateYear, 0, 1) / DAY_MS) {
        const profit = monthlyRevenue * 12 * (rng.next() * 0.12 - 0.02);
        tax.filings.push({
          id: chunk.uuid(),
          taxpayerIdNumber: e.idNumber,
          period: String(lastCorporateYear),
          taxType: TAX_TYPES.corporateIncome,
          taxableAmount: money(Math.max(0, profit)),
          taxPaid: money(Math.max(0, profit) * (smallScale ? 0.05 : 0.25)),
          filedOn: iso(toDay(`${lastCorporateYear + 1}-03-01`) + rng.int(0, 91)),
        });
      }
      if (hasArrears) {
        const types = [TAX_TYPES.vat, TAX_TYPES.corporateIncome, TAX_TYPES.property, TAX_TYPES.landUse];
        for (let k = rng.int(1, 3); k > 0; k--) arrear(e.idNumber, rng.pick(types), logUniform(rng, 5_000, 2_000_000));
      }
      if (e.exporter ? rng.chance(0.6) : rng.chance(0.05)) {
        const kind = e.exporter ? 'EXPORT_REBATE' : rng.chance(0.5) ? 'VAT_CREDIT' : 'OVERPAYMENT';
        const s = rng.next();
        tax.refunds.push({
          id: chunk.uuid(),
          taxpayerIdNumber: e.idNumber,
          kind,
          amount: money(logUniform(rng, 2_000, 3_000_000)),
          status: s < 0.4 ? 'PENDING' : s < 0.7 ? 'APPROVED' : 'PAID',
          appliedOn: iso(asOf - rng.int(5, 400)),
        });
      }
    }

    for (const p of chunk.persons) {
      if (!rng.chance(0.3)) continue;
      const adult = p.birthDay + 18 * YEAR;
      tax.taxpayers.push({
        idNumber: p.idNumber,
        name: p.name,
        kind: 'PERSON',
        taxAuthority: taxAuthority(p.region),
        creditGrade: null,
        legalRepresentativeName: null,
        legalRepresentativeIdNumber: null,
        registeredOn: iso(dayBetween(rng, Math.max(adult, toDay('2010-01-01')), asOf - YEAR)),
      });
      for (const year of [lastPersonalYear - 1, lastPersonalYear]) {
        const income = logUniform(rng, 40_000, 400_000);
        const taxable = Math.max(0, income - 60_000 - rng.int(0, 36_000));
        tax.filings.push({
          id: chunk.uuid(),
          taxpayerIdNumber: p.idNumber,
          period: String(year),
          taxType: TAX_TYPES.personalIncome,
          taxableAmount: money(taxable),
          taxPaid: money(personalIncomeTax(taxable)),
          filedOn: iso(toDay(`${year + 1}-03-01`) + rng.int(0, 121)),
        });
      }
      if (rng.chance(0.02)) arrear(p.idNumber, TAX_TYPES.personalIncome, logUniform(rng, 1_000, 80_000));
      if (rng.chance(0.08)) {
        tax.refunds.push({
          id: chunk.uuid(),
          taxpayerIdNumber: p.idNumber,
          kind: 'OVERPAYMENT',
          amount: money(logUniform(rng, 50, 6_000)),
          status: rng.chance(0.7) ? 'PAID' : 'APPROVED',
          appliedOn: iso(toDay(`${lastPersonalYear + 1}-03-01`) + rng.int(0, 121)),
        });
      }
    }

    return { rows: tax };
  },
};
