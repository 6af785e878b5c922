import type { PageFilter } from '@shared/bundles.schema';
import { LakeError } from '@shared/errors';
import type { ColumnInfo } from '@shared/results.schema';
import type { BoundValue, PageRequest } from '../../engine/query-engine';
import { quoteIdent } from '../../engine/sql-text';

const COMPARE = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' } as const;

/**
 * The WHERE clause of a grid's filters. Column names are checked against the table and quoted;
 * values are bound as parameters, never spliced into the SQL.
 */
export function whereOf(
  filters: readonly PageFilter[],
  columns: readonly ColumnInfo[],
): { sql: string; params: Record<string, BoundValue> } {
  const names = new Set(columns.map((c) => c.name));
  const params: Record<string, BoundValue> = {};
  const conditions = filters.map((filter, i) => {
    if (!names.has(filter.column)) {
      throw new LakeError('BAD_INPUT', `The table has no column "${filter.column}" to filter on.`);
    }
    const column = quoteIdent(filter.column);
    if (filter.op === 'isNull') return `${column} IS NULL`;
    if (filter.op === 'notNull') return `${column} IS NOT NULL`;
    if (filter.value === undefined)
      throw new LakeError('BAD_INPUT', `The ${filter.op} filter on ${filter.column} needs a value.`);
    params[`f${i}`] = filter.value;
    if (filter.op === 'contains')
      return `contains(lower(CAST(${column} AS VARCHAR)), lower(CAST($f${i} AS VARCHAR)))`;
    return `${column} ${COMPARE[filter.op]} $f${i}`;
  });
  return { sql: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/** ORDER BY for a page: the sort, then the row number so pages never overlap (as queries.page). */
export function orderOf(sort: PageRequest['sort'], columns: readonly ColumnInfo[]): string {
  const names = new Set(columns.map((c) => c.name));
  const unknown = sort.find((s) => !names.has(s.column));
  if (unknown) throw new LakeError('BAD_INPUT', `The table has no column "${unknown.column}" to sort by.`);
  if (sort.length === 0) return '';
  const order = sort.map(
    (s) => `${quoteIdent(s.column)} ${s.direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`,
  );
  if (!columns.some((c) => c.name.toLowerCase() === 'rowid')) order.push('rowid');
  return `ORDER BY ${order.join(', ')}`;
}

/** The page query and the count query of a filtered, sorted table. */
export function pageQueries(
  table: string,
  columns: readonly ColumnInfo[],
  request: PageRequest & { filters: readonly PageFilter[] },
): { page: string; count: string; params: Record<string, BoundValue> } {
  const where = whereOf(request.filters, columns);
  const limit = `LIMIT ${Math.trunc(request.limit)} OFFSET ${Math.trunc(request.offset)}`;
  return {
    page: `SELECT * FROM ${table} ${where.sql} ${orderOf(request.sort, columns)} ${limit}`,
    count: `SELECT count(*)::DOUBLE AS n FROM ${table} ${where.sql}`,
    params: where.params,
  };
}
