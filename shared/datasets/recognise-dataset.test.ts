import { describe, expect, it } from 'vitest';
import { DatasetContract } from '../storage.schema';
import { builtInDatasets } from './built-in-datasets';
import { recogniseDataset } from './recognise-dataset';

describe('built-in datasets', () => {
  it('are valid contracts with the columns of DOMAIN.md', () => {
    for (const d of builtInDatasets) expect(DatasetContract.parse(d)).toEqual(d);
    expect(
      builtInDatasets.map((d) => [d.name, d.defaultPrefix, d.columns.map((c) => c.name).join(',')]),
    ).toEqual([
      [
        'billing',
        'raw/billing/',
        'id,company_name,country,city,product_line,item,bill_date,currency,bill_amount',
      ],
      ['units_sold', 'raw/units_sold/', 'company_id,item_type,units_sold'],
      ['production_costs', 'raw/production_costs/', 'item,cost_per_unit_usd'],
      ['currency_rates', 'raw/currency_rates/', 'currency,rate_to_usd'],
      ['orders', 'raw/orders/', 'order_id,customer_id,order_date,order_amount,order_status'],
    ]);
  });
});

describe('recogniseDataset', () => {
  it.each(builtInDatasets.map((d) => [d.name, d.columns.map((c) => c.name)] as const))(
    'knows %s from its own header',
    (name, header) => {
      expect(recogniseDataset(header)?.name).toBe(name);
      expect(recogniseDataset([...header].reverse())?.name).toBe(name);
    },
  );

  it('still knows a header with one column missing or one extra', () => {
    const billing = builtInDatasets[0]!.columns.map((c) => c.name);
    expect(recogniseDataset(billing.slice(0, -1))?.name).toBe('billing');
    expect(recogniseDataset([...billing, 'notes'])?.name).toBe('billing');
    expect(recogniseDataset(['\uFEFFcurrency', 'rate_to_usd'])?.name).toBe('currency_rates');
  });

  it('does not guess from one shared column or without the required ones', () => {
    expect(recogniseDataset(['item', 'colour', 'size'])).toBeUndefined();
    expect(recogniseDataset(['a', 'b'])).toBeUndefined();
    expect(recogniseDataset([])).toBeUndefined();
    expect(
      recogniseDataset([
        'company_name',
        'country',
        'city',
        'product_line',
        'item',
        'bill_date',
        'currency',
        'bill_amount',
      ])?.name,
    ).not.toBe('billing');
  });
});
