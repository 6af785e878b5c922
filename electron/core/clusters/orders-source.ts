import { LakeError } from '@shared/errors';
import { findTableFolders } from '../catalog/lake-walker';
import { readerSql, type TableSource } from '../catalog/table-reader';
import { specOf } from '../catalog/table-spec';
import type { LocalLake } from '../engine/lake-engines';

const RAW_ORDERS = 'raw/orders/';
const PROCESSED_ORDERS = 'processed/orders/';

/**
 * Where the orders job reads: `raw/orders/` when the lake has it (even if not crawled yet), else
 * the catalog's orders table, never the job's own output in processed/.
 */
export async function ordersSource(lake: LocalLake, signal: AbortSignal): Promise<TableSource> {
  const raw = (await findTableFolders(lake.root, signal)).find((f) => f.location === RAW_ORDERS);
  if (raw) {
    const spec = await specOf(raw, lake.engine);
    if ('message' in spec) throw new LakeError('INVALID_DATA', `${RAW_ORDERS}: ${spec.message}`);
    return spec;
  }
  await lake.catalog.ensure();
  const tables = lake.catalog.snapshot().tables.filter((t) => t.location !== PROCESSED_ORDERS);
  const table = tables.find((t) => t.name === 'orders') ?? tables.find((t) => t.location.endsWith('orders/'));
  if (!table) {
    throw new LakeError(
      'NOT_FOUND',
      'This lake has no orders to process.',
      `Put order files in ${RAW_ORDERS} and run the job again.`,
    );
  }
  return table;
}

/**
 * The orders rule's SQL (DOMAIN.md): each row with its date read in any accepted input format
 * (NULL when none fits) and its outcome, `kept`, `filtered` (Pending or Cancelled and older than the
 * cutoff) or `bad_date`. DuckDB SQL: this is the local job, not a saved query.
 */
export function ordersRuleSql(root: string, source: TableSource): string {
  return `WITH source AS (
  SELECT
    CAST(order_id AS VARCHAR) AS order_id,
    CAST(customer_id AS VARCHAR) AS customer_id,
    trim(CAST(order_date AS VARCHAR)) AS raw_date,
    CAST(order_amount AS VARCHAR) AS order_amount,
    CAST(order_status AS VARCHAR) AS order_status
  FROM ${readerSql(root, source, { allText: true })}
),
parsed AS (
  SELECT *, CAST(CASE
    WHEN regexp_full_match(raw_date, '\\d{4}-\\d{2}-\\d{2}') THEN try_strptime(raw_date, '%Y-%m-%d')
    WHEN regexp_full_match(raw_date, '\\d{1,2}/\\d{1,2}/\\d{4}') THEN try_strptime(raw_date, '%m/%d/%Y')
    WHEN regexp_full_match(raw_date, '\\d{4}/\\d{1,2}/\\d{1,2}') THEN try_strptime(raw_date, '%Y/%m/%d')
    WHEN regexp_full_match(raw_date, '\\d{1,2}-\\d{1,2}-\\d{4}') THEN try_strptime(raw_date, '%d-%m-%Y')
    WHEN regexp_full_match(raw_date, '\\d{4}-\\d{2}-\\d{2} \\d{1,2}:\\d{2}:\\d{2}') THEN try_strptime(raw_date, '%Y-%m-%d %H:%M:%S')
  END AS DATE) AS order_date
  FROM source
)
SELECT order_id, customer_id, order_date, order_amount, order_status,
  CASE
    WHEN order_date IS NULL THEN 'bad_date'
    WHEN order_status IN ('Pending', 'Cancelled') AND order_date < CAST($cutoff AS DATE) THEN 'filtered'
    ELSE 'kept'
  END AS outcome
FROM parsed`;
}
