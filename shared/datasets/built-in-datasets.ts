import type { DatasetContract } from '../storage.schema';

/** The extra `order_date` input formats DOMAIN.md accepts besides YYYY-MM-DD. */
export const ORDER_DATE_FORMATS = ['MM/DD/YYYY', 'YYYY/MM/DD', 'DD-MM-YYYY', 'YYYY-MM-DD HH:MM:SS'];

/** Rates used when a workspace has no `currency_rates` of its own (DOMAIN.md). */
export const DEFAULT_CURRENCY_RATES: Readonly<Record<string, number>> = { USD: 1, CAD: 0.79, MXN: 0.05 };

export const billingDataset: DatasetContract = {
  name: 'billing',
  description: 'Bills per company and item, in the currency of the company’s country.',
  defaultPrefix: 'raw/billing/',
  builtIn: true,
  columns: [
    { name: 'id', type: 'string', required: true },
    { name: 'company_name', type: 'string', required: true },
    { name: 'country', type: 'string' },
    { name: 'city', type: 'string' },
    { name: 'product_line', type: 'string', enum: ['Bakery', 'Meat', 'Dairy'] },
    { name: 'item', type: 'string', required: true },
    { name: 'bill_date', type: 'date' },
    { name: 'currency', type: 'string', enum: ['USD', 'CAD', 'MXN'] },
    { name: 'bill_amount', type: 'decimal', min: 0 },
  ],
};

export const unitsSoldDataset: DatasetContract = {
  name: 'units_sold',
  description: 'Units sold per company and item; joins billing on (id, item).',
  defaultPrefix: 'raw/units_sold/',
  builtIn: true,
  columns: [
    { name: 'company_id', type: 'string', required: true },
    { name: 'item_type', type: 'string', required: true },
    { name: 'units_sold', type: 'integer', min: 0 },
  ],
};

export const productionCostsDataset: DatasetContract = {
  name: 'production_costs',
  description: 'Cost to produce one unit of each item, in USD.',
  defaultPrefix: 'raw/production_costs/',
  builtIn: true,
  columns: [
    { name: 'item', type: 'string', required: true },
    { name: 'cost_per_unit_usd', type: 'decimal', min: 0 },
  ],
};

export const currencyRatesDataset: DatasetContract = {
  name: 'currency_rates',
  description: 'What one unit of each currency is worth in USD.',
  defaultPrefix: 'raw/currency_rates/',
  builtIn: true,
  columns: [
    { name: 'currency', type: 'string' },
    { name: 'rate_to_usd', type: 'decimal' },
  ],
};

export const ordersDataset: DatasetContract = {
  name: 'orders',
  description: 'Customer orders with their amount and status.',
  defaultPrefix: 'raw/orders/',
  builtIn: true,
  columns: [
    { name: 'order_id', type: 'string', required: true },
    { name: 'customer_id', type: 'string', required: true },
    { name: 'order_date', type: 'date', dateFormats: ORDER_DATE_FORMATS },
    { name: 'order_amount', type: 'decimal', min: 0 },
    {
      name: 'order_status',
      type: 'string',
      enum: ['Delivered', 'Shipped', 'Pending', 'Cancelled', 'Returned'],
    },
  ],
};

/** The contracts that ship with the app, in the order the UI lists them. */
export const builtInDatasets: readonly DatasetContract[] = [
  billingDataset,
  unitsSoldDataset,
  productionCostsDataset,
  currencyRatesDataset,
  ordersDataset,
];
