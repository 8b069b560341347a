import { generateChunk } from '../../src/seed/synthetic-rows';

// The generators of the deposit, housing-fund and market-supervision sources, on one chunk.
const SPEC = { persons: 3000, enterprises: 300, seed: 'asset-sources' };
type Row = Record<string, any>;
const rows = generateChunk(SPEC, 0) as unknown as Record<string, Record<string, Row[]>>;

describe('synthetic deposits, housing fund and market supervision', () => {
  it('gives every enterprise bank accounts, keyed uniquely by bank code and account no.', () => {
    const { accounts } = rows.deposit;
    const holders = new Set(accounts.map((a) => a.holderIdNumber));
    for (const e of rows.parties.enterprises) expect(holders.has(e.idNumber)).toBe(true);
    expect(new Set(accounts.map((a) => `${a.bankCode} ${a.accountNo}`)).size).toBe(accounts.length);
  });

  it('freezes accounts of the chunk, some queued (轮候 1) behind another court', () => {
    const { accounts, freezes } = rows.deposit;
    const ids = new Set(accounts.map((a) => a.id));
    expect(freezes.length).toBeGreaterThan(0);
    expect(freezes.every((f) => ids.has(f.accountId))).toBe(true);
    const queued = freezes.filter((f) => f.rank === 1);
    expect(queued.length).toBeGreaterThan(0);
    for (const f of queued) expect(freezes).toContainEqual(expect.objectContaining({ accountId: f.accountId, rank: 0, court: '六安市中级人民法院' }));
  });

  it('keys fund accounts and unit accounts uniquely and freezes only existing accounts', () => {
    const { accounts, employers, freezes } = rows.housingFund;
    expect(new Set(accounts.map((a) => a.accountNo)).size).toBe(accounts.length);
    expect(employers).toHaveLength(SPEC.enterprises);
    const nos = new Set(accounts.map((a) => a.accountNo));
    expect(freezes.every((f) => nos.has(f.accountNo))).toBe(true);
  });

  it('registers every enterprise with its legal representative, who holds shares in it', () => {
    const { registrations, shareholdings, freezes } = rows.marketSupervision;
    expect(registrations).toHaveLength(SPEC.enterprises);
    expect(registrations.every((r) => r.legalRepresentativeName.length > 0 && r.registrationAuthority.endsWith('市场监督管理局'))).toBe(true);
    for (const r of registrations.slice(0, 50)) {
      expect(shareholdings).toContainEqual(
        expect.objectContaining({ holderIdNumber: r.legalRepresentativeIdNumber, targetCreditCode: r.creditCode }),
      );
    }
    expect(new Set(shareholdings.map((s) => `${s.holderIdNumber} ${s.targetCreditCode}`)).size).toBe(shareholdings.length);
    const ids = new Set(shareholdings.map((s) => s.id));
    expect(freezes.length).toBeGreaterThan(0);
    expect(freezes.every((f) => ids.has(f.shareholdingId))).toBe(true);
  });

  it('gives most units and vehicles a reference value with its date and basis', () => {
    const units = rows.property.units;
    const valued = units.filter((u) => u.referenceValue !== null);
    expect(valued.length / units.length).toBeGreaterThan(0.5);
    expect(valued.every((u) => /^\d+\.\d{2}$/.test(u.referenceValue) && u.referenceValueOn && u.referenceValueBasis)).toBe(true);
    expect(rows.vehicle.vehicles.some((v) => v.referenceValue !== null)).toBe(true);
  });
});
