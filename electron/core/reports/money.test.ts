import { describe, expect, it } from 'vitest';
import { centsToNumber, percentOf, toCents } from './money';

describe('money', () => {
  it('reads amounts as exact cents', () => {
    expect(toCents('2432.47')).toBe(243247n);
    expect(toCents('-138.99')).toBe(-13899n);
    expect(toCents('142.8')).toBe(14280n);
    expect(toCents('7')).toBe(700n);
    expect(toCents('1.005')).toBe(101n);
    expect(centsToNumber(-13899n)).toBe(-138.99);
  });

  it('rounds percentages half-up, away from zero', () => {
    expect(percentOf(1856n, 10240n)).toBe(18.13);
    expect(percentOf(-1856n, 10240n)).toBe(-18.13);
    expect(percentOf(2516920n, 4776938n)).toBe(52.69);
    expect(percentOf(5n, 0n)).toBe(0);
  });
});
