import type { LinkedPerson } from '../../schema/records.type';
import type { MarketSupervisionBundle } from './market-supervision.connector';
import type { MarketRegistration, ShareholdingType } from './market-supervision.type';

export function toMarketRegistration(b: MarketSupervisionBundle): MarketRegistration | null {
  const r = b.registration;
  if (!r) return null;
  return {
    name: r.name,
    status: r.status,
    registeredAddress: r.registeredAddress,
    legalRepresentative: { name: r.legalRepresentativeName, idNumber: r.legalRepresentativeIdNumber } as LinkedPerson,
    registeredCapital: r.registeredCapital,
    establishedOn: r.establishedOn,
    businessScope: r.businessScope,
    registrationAuthority: r.registrationAuthority,
  };
}

/** Yuan × per cent, exactly, to the fen (half up): `5000000.00` × `60.0000` → `3000000.00`. */
export function shareOf(capital: string, percent: string): string {
  const fen = BigInt(capital.replace('.', '')); // numeric(18,2): always two decimals
  const [whole, frac = ''] = percent.split('.');
  const ten4 = BigInt(whole + frac.padEnd(4, '0').slice(0, 4)); // per cent × 10⁴
  const scaled = fen * ten4; // fen × per cent × 10⁴
  const result = (scaled + 500_000n) / 1_000_000n; // ÷ 100 (per cent) ÷ 10⁴
  return `${result / 100n}.${(result % 100n).toString().padStart(2, '0')}`;
}

export function toShareholdings(b: MarketSupervisionBundle): ShareholdingType[] {
  return b.shareholdings.map((s) => {
    const capital = b.capitalOf.get(s.targetCreditCode);
    const appraised = s.appraisedValue !== null;
    return {
      targetName: s.targetName,
      targetCreditCode: s.targetCreditCode,
      sharePercent: s.sharePercent,
      subscribedCapital: s.subscribedCapital,
      referenceValue: appraised ? s.appraisedValue : capital !== undefined ? shareOf(capital, s.sharePercent) : null,
      referenceValueBasis: appraised ? (s.appraisalBasis ?? 'APPRAISAL') : capital !== undefined ? 'REGISTERED_CAPITAL_SHARE' : null,
      referenceValueOn: appraised ? s.appraisedOn : null,
      freezes: s.freezes ?? [],
    };
  });
}
