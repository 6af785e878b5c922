import { describe, expect, it } from 'vitest';
import { toPageFilters } from './page-filters';

describe('toPageFilters', () => {
  it('maps text and number conditions onto the core filter operators', () => {
    expect(
      toPageFilters({
        country: { filterType: 'text', type: 'contains', filter: 'can' },
        gross_profit_usd: { filterType: 'number', type: 'lessThan', filter: 0 },
        item: { filterType: 'text', type: 'notEqual', filter: 'Bread' },
      }),
    ).toEqual([
      { column: 'country', op: 'contains', value: 'can' },
      { column: 'gross_profit_usd', op: 'lt', value: 0 },
      { column: 'item', op: 'ne', value: 'Bread' },
    ]);
  });

  it('turns a range into two bounds and blanks into null checks', () => {
    expect(
      toPageFilters({
        units_sold: { filterType: 'number', type: 'inRange', filter: 10, filterTo: 20 },
        company_name: { filterType: 'text', type: 'blank' },
      }),
    ).toEqual([
      { column: 'units_sold', op: 'ge', value: 10 },
      { column: 'units_sold', op: 'le', value: 20 },
      { column: 'company_name', op: 'isNull' },
    ]);
  });

  it('leaves out what it cannot express instead of filtering wrongly', () => {
    expect(
      toPageFilters({
        a: { filterType: 'text', type: 'startsWith', filter: 'x' },
        b: { filterType: 'text', type: 'contains', filter: '' },
        c: {
          filterType: 'number',
          operator: 'OR',
          conditions: [
            { filterType: 'number', type: 'equals', filter: 1 },
            { filterType: 'number', type: 'equals', filter: 2 },
          ],
        },
        d: {
          filterType: 'number',
          operator: 'AND',
          conditions: [{ filterType: 'number', type: 'greaterThan', filter: 1 }],
        },
      }),
    ).toEqual([{ column: 'd', op: 'gt', value: 1 }]);
  });
});
