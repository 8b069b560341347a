import { addedCpu, FULL, NO_AUDIT, NO_AUTHORIZATION } from '../../bench/hub-variants';
import { median } from '../../bench/median';

// What `npm run bench:cpu -- --compare N` and `npm run bench` report as a part's cost: each round's full hub against
// the variant of the same round, never one round's full hub against another round's variant.
describe('the CPU a part adds, paired within rounds', () => {
  // The second round ran on a machine twice as slow: compared across rounds, audit would seem to save CPU.
  const rounds = [
    { [FULL]: { server: 3, postgres: 1 }, [NO_AUDIT]: { server: 2.5, postgres: 0.5 }, [NO_AUTHORIZATION]: { server: 2.75, postgres: 1 } },
    { [FULL]: { server: 6, postgres: 2 }, [NO_AUDIT]: { server: 5, postgres: 1 }, [NO_AUTHORIZATION]: { server: 6.25, postgres: 2 } },
    { [FULL]: { server: 4, postgres: 1 } },
  ];

  it('takes each round’s variant from that round’s full hub, and leaves out rounds without the variant', () => {
    const audit = addedCpu(rounds, NO_AUDIT);
    expect(audit.server).toEqual([0.5, 1]);
    expect(audit.postgres).toEqual([0.5, 1]);
    expect(audit.share).toEqual([0.25, 0.25]);
  });

  it('keeps a round in which the variant cost more than the full hub, as a negative share', () => {
    const authorization = addedCpu(rounds, NO_AUTHORIZATION);
    expect(authorization.server).toEqual([0.25, -0.25]);
    expect(authorization.postgres).toEqual([0, 0]);
    expect(authorization.share).toEqual([0.0625, -0.03125]);
    expect(median(authorization.share)).toBeCloseTo(0.015625, 12);
  });

  it('finds nothing for a variant no round ran', () => {
    expect(addedCpu(rounds, 'hub, authorization and audit off')).toEqual({ server: [], postgres: [], share: [] });
  });
});
