import { DuckDBTypeId, type Json } from '@duckdb/node-api';
import type { Cell } from '@shared/results.schema';

// The JSON reader gives these as strings so no digit is lost; the grid wants numbers.
const numericText: ReadonlySet<DuckDBTypeId> = new Set([
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.DECIMAL,
  DuckDBTypeId.BIGNUM,
]);

/**
 * A DuckDB value (as its JSON reading) for display: decimals and big integers become numbers, dates
 * and timestamps stay ISO text, nested values become JSON text.
 */
export function displayCell(value: Json, typeId: DuckDBTypeId): Cell {
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'string') return numericText.has(typeId) ? Number(value) : value;
  return JSON.stringify(value);
}

/** A DuckDB value as exact text (decimals keep their scale: `142.80`), `null` for SQL NULL. */
export function exactCell(value: Json): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Whether a column of this type holds numbers (written unquoted in JSON exports). */
export function isNumericType(typeName: string): boolean {
  return /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL|BIGNUM)/.test(
    typeName,
  );
}
