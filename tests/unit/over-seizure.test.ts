import { weighOverSeizure } from '../../src/control/over-seizure';

describe('over-seizure check (超标的查封)', () => {
  it('refuses a further measure once the others cover the amount due plus costs', () => {
    // Claim 1,000,000 + 5 % = 1,050,000; a flat worth 1,500,000 with a 400,000 mortgage secures 1,100,000.
    const verdict = weighOverSeizure(1_000_000, 0.05, [{ id: 'flat', covers: 1_500_000 - 400_000 }]);
    expect(verdict).toEqual({ over: true, claim: 1_050_000, covered: 1_100_000, unknown: 0 });
  });

  it('allows a measure while the others fall short of the claim', () => {
    expect(
      weighOverSeizure(1_000_000, 0.05, [
        { id: 'deposit', covers: 300_000 },
        { id: 'car', covers: 200_000 },
      ]).over,
    ).toBe(false);
  });

  it('allows a single indivisible asset worth more than the claim when nothing else covers it', () => {
    expect(weighOverSeizure(86_000, 0.05, []).over).toBe(false);
  });

  it('counts a measure of unknown value for nothing', () => {
    expect(weighOverSeizure(86_000, 0.05, [{ id: 'unit without reference value', covers: null }])).toEqual({
      over: false,
      claim: 90_300,
      covered: 0,
      unknown: 1,
    });
  });
});
