import type { SavedQuery } from '../queries.schema';
import averageOrderValueSql from './average-order-value.sql?raw';
import grossProfitNotesSql from './gross-profit-notes.sql?raw';
import grossProfitSql from './gross-profit.sql?raw';
import monthlyOrderVolumeSql from './monthly-order-volume.sql?raw';
import orderStatusSql from './order-status.sql?raw';
import topOrdersInMonthSql from './top-orders-in-month.sql?raw';
import totalSalesByCustomerSql from './total-sales-by-customer.sql?raw';

/**
 * The app's saved queries, in Athena SQL (Trino dialect) that the local engine runs unchanged.
 *
 * Parameters are positional `?` placeholders, as Athena's ExecutionParameters are: the n-th `?` in
 * the SQL takes the value of the n-th entry of `parameters`. So a parameter used twice is listed twice.
 */
export const savedQueries: readonly SavedQuery[] = [
  {
    id: 'total-sales-by-customer',
    name: 'Total sales by customer',
    description: 'Sum of order amounts per customer, largest first.',
    sql: totalSalesByCustomerSql,
    parameters: [],
    chart: {
      type: 'bar',
      x: 'customer_id',
      y: ['total_sales'],
      title: 'Total sales by customer',
      horizontal: true,
    },
    tables: ['orders'],
  },
  {
    id: 'monthly-order-volume',
    name: 'Monthly order volume and revenue',
    description: 'Orders and revenue per month (YYYY-MM).',
    sql: monthlyOrderVolumeSql,
    parameters: [],
    chart: {
      type: 'line',
      x: 'month',
      y: ['total_revenue', 'order_count'],
      title: 'Orders and revenue by month',
    },
    tables: ['orders'],
  },
  {
    id: 'order-status',
    name: 'Order status',
    description: 'Number and amount of orders per status.',
    sql: orderStatusSql,
    parameters: [],
    chart: { type: 'doughnut', x: 'order_status', y: ['order_count'], title: 'Orders by status' },
    tables: ['orders'],
  },
  {
    id: 'average-order-value',
    name: 'Average order value per customer',
    description: 'Average order amount and order count per customer, highest average first.',
    sql: averageOrderValueSql,
    parameters: [],
    chart: {
      type: 'bar',
      x: 'customer_id',
      y: ['average_order_value'],
      title: 'Average order value',
      horizontal: true,
    },
    tables: ['orders'],
  },
  {
    id: 'top-orders-in-month',
    name: 'Top 10 orders in a month',
    description: 'The ten largest orders of the chosen month.',
    sql: topOrdersInMonthSql,
    parameters: [
      {
        name: 'month',
        label: 'Month',
        type: 'month',
        default: '2025-02',
        description: 'Calendar month, YYYY-MM.',
      },
    ],
    chart: { type: 'bar', x: 'order_id', y: ['order_amount'], title: 'Largest orders' },
    tables: ['orders'],
  },
  {
    id: 'gross-profit',
    name: 'Gross profit',
    description:
      'Revenue in USD, cost of goods sold, gross profit and margin per company and item (bills × currency rate; units × unit cost).',
    sql: grossProfitSql,
    parameters: [],
    chart: {
      type: 'bar',
      x: 'item',
      y: ['revenue_usd', 'gross_profit_usd'],
      title: 'Revenue and gross profit',
    },
    tables: ['billing', 'units_sold', 'production_costs', 'currency_rates'],
  },
];

/** The saved query with this id, if there is one. */
export function findSavedQuery(id: string): SavedQuery | undefined {
  return savedQueries.find((q) => q.id === id);
}

/** Not a saved query: the gross profit report's notes (exclusions by reason, revenue by month). */
export { grossProfitNotesSql };
