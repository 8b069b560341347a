import { shareOf } from '../../src/sources/market-supervision/market-supervision-record';

describe('equity valued as registered capital × share', () => {
  it('multiplies exactly, to the fen', () => {
    expect(shareOf('5000000.00', '60.0000')).toBe('3000000.00');
    expect(shareOf('2000000.00', '35.0000')).toBe('700000.00');
    expect(shareOf('300000000.00', '0.5000')).toBe('1500000.00');
  });

  it('rounds half a fen up', () => {
    expect(shareOf('0.01', '50.0000')).toBe('0.01');
    expect(shareOf('10.00', '33.3333')).toBe('3.33');
  });
});
