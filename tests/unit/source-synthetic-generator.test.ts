import type { SyntheticChunk } from '../../src/seed/synthetic-rows';

// A source added to the registry with a generator of its own, beside the five (switched by `mockExtraSource`).
let mockExtraSource = true;
jest.mock('../../src/sources/registry', () => {
  const actual = jest.requireActual('../../src/sources/registry');
  const extra = {
    name: 'extra',
    synthetic: {},
    generate: (chunk: SyntheticChunk) => {
      const rng = chunk.random('balances');
      return { accounts: chunk.persons.map((p) => ({ id: chunk.uuid(), holderIdNumber: p.idNumber, balance: rng.int(0, 100_000) })) };
    },
  };
  return {
    get SOURCES() {
      return mockExtraSource ? [...actual.SOURCES, extra] : actual.SOURCES;
    },
  };
});

import { generateChunk } from '../../src/seed/synthetic-rows';

const SPEC = { persons: 200, enterprises: 20, seed: 'extra-source' };
type Rows = Record<string, unknown> & { parties: { persons: Array<{ idNumber: string }> } };

describe('a source that brings its own synthetic generator', () => {
  afterEach(() => {
    mockExtraSource = true;
  });

  it('gets rows for the chunk’s persons, with ids of its own stream', () => {
    const rows = generateChunk(SPEC, 0) as unknown as Rows;
    const accounts = (rows.extra as { accounts: Array<{ id: string; holderIdNumber: string }> }).accounts;
    expect(accounts.map((a) => a.holderIdNumber)).toEqual(rows.parties.persons.map((p) => p.idNumber));
    expect(new Set(accounts.map((a) => a.id)).size).toBe(SPEC.persons);
  });

  it('leaves the other sources’ rows as they were', () => {
    const withExtra = generateChunk(SPEC, 0) as unknown as Rows;
    mockExtraSource = false;
    const plain = generateChunk(SPEC, 0) as unknown as Rows;
    expect(plain.extra).toBeUndefined();
    for (const key of ['parties', 'hub', 'property', 'vehicle', 'tax', 'socialSecurity', 'credit']) expect(withExtra[key]).toEqual(plain[key]);
  });
});
