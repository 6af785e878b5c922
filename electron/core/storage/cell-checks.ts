import type { DatasetColumn, ValidationRule } from '@shared/storage.schema';
import { parseDate } from '@shared/datasets/date-formats';

/** A broken rule for one value; the caller adds line, column and value. */
export interface CellProblem {
  rule: ValidationRule;
  message: string;
}

// Plain decimals only: a thousands separator or exponent would be read differently by each engine.
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const INTEGER = /^[+-]?\d+$/;

/**
 * Checks one value against its column's rules. Values are checked as written (no trimming), so a
 * value that passes here reads the same in DuckDB, Athena and Spark. An empty value is allowed
 * unless the column is required, and then no other rule applies to it.
 */
export function checkCell(column: DatasetColumn, value: string): CellProblem | undefined {
  if (value.trim() === '') {
    return column.required
      ? { rule: 'required', message: `${column.name} is required but empty.` }
      : undefined;
  }
  if (column.enum && !column.enum.includes(value)) {
    return { rule: 'enum', message: `“${value}” is not one of ${column.enum.join(', ')}.` };
  }
  switch (column.type) {
    case 'integer':
    case 'decimal':
      return checkNumber(column, value);
    case 'date':
      return parseDate(value, column.dateFormats) === undefined
        ? {
            rule: 'date',
            message: `“${value}” is not a date in ${['YYYY-MM-DD', ...(column.dateFormats ?? [])].join(' or ')}.`,
          }
        : undefined;
    default:
      return undefined;
  }
}

function checkNumber(column: DatasetColumn, value: string): CellProblem | undefined {
  const isInteger = column.type === 'integer';
  if (!(isInteger ? INTEGER : DECIMAL).test(value)) {
    const what = isInteger ? 'a whole number' : 'a number (digits with an optional decimal point)';
    return { rule: 'number', message: `“${value}” is not ${what}.` };
  }
  if (column.min !== undefined && Number(value) < column.min) {
    return { rule: 'min', message: `${value} is below the minimum of ${column.min}.` };
  }
  return undefined;
}
