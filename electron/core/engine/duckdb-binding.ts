import {
  BIGINT,
  DOUBLE,
  VARCHAR,
  type DuckDBPreparedStatement,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import { LakeError } from '@shared/errors';
import type { BoundValue } from './query-engine';

export interface Bindings {
  values: Record<string, DuckDBValue>;
  types: Record<string, DuckDBType | undefined>;
}

/**
 * Values for every placeholder of a prepared statement, typed explicitly: whole numbers as BIGINT
 * (DuckDB would guess HUGEINT), other numbers as DOUBLE, text as VARCHAR, which casts implicitly to a
 * date or a number where the SQL compares it with one.
 */
export function bindingsFor(prepared: DuckDBPreparedStatement, params: Record<string, BoundValue>): Bindings {
  const values: Record<string, DuckDBValue> = {};
  const types: Record<string, DuckDBType | undefined> = {};
  const missing: string[] = [];
  for (let index = 1; index <= prepared.parameterCount; index += 1) {
    const name = prepared.parameterName(index);
    if (!Object.prototype.hasOwnProperty.call(params, name)) {
      missing.push(/^\d+$/.test(name) ? `?${name}` : `$${name}`);
      continue;
    }
    const value = params[name] ?? null;
    if (typeof value === 'number' && Number.isSafeInteger(value)) {
      values[name] = BigInt(value);
      types[name] = BIGINT;
    } else {
      values[name] = value;
      types[name] = typeof value === 'number' ? DOUBLE : VARCHAR;
    }
  }
  if (missing.length) {
    throw new LakeError(
      'BAD_INPUT',
      `No value given for the query parameter${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`,
      'Give a value for each parameter (in the CLI: --param name=value).',
    );
  }
  return { values, types };
}
