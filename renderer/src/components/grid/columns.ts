import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import type { Cell, ColumnInfo } from '@shared/results.schema';

type Row = Cell[];

const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT|DOUBLE|FLOAT|REAL|DECIMAL|NUMERIC)/i;
/** Columns whose numbers are labels, not quantities: no thousands separators. */
const LABEL_NUMBER = /(^|_)(id|year|month|day|hour|line|code)$/i;

export function isNumericType(type: string): boolean {
  return NUMERIC.test(type.trim());
}

/** The scale of a DECIMAL(p,s), so money shows its cents. */
function decimalScale(type: string): number | undefined {
  const match = /DECIMAL\s*\(\s*\d+\s*,\s*(\d+)\s*\)/i.exec(type);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function numberFormatter(column: ColumnInfo): (params: ValueFormatterParams) => string {
  const scale = decimalScale(column.type);
  const useGrouping = !LABEL_NUMBER.test(column.name);
  const format = new Intl.NumberFormat('en-US', {
    useGrouping,
    minimumFractionDigits: scale ?? 0,
    maximumFractionDigits: scale ?? 6,
  });
  return (params) => {
    const value: unknown = params.value;
    if (value === null || value === undefined || value === '') return '';
    const number = typeof value === 'number' ? value : Number(value);
    return Number.isFinite(number) ? format.format(number) : String(value);
  };
}

function textFormatter(params: ValueFormatterParams): string {
  const value: unknown = params.value;
  if (value === null || value === undefined) return '';
  return typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value);
}

/**
 * Column definitions for array rows (`Cell[]`): each column reads its index, its colId is the
 * column's name so a sort model maps straight onto `queries.page`'s sort.
 */
export function columnDefsFor(columns: ColumnInfo[], options: { filter?: boolean } = {}): ColDef<Row>[] {
  const filter = options.filter ?? true;
  return columns.map((column, index) => {
    const numeric = isNumericType(column.type);
    return {
      colId: column.name,
      headerName: column.name,
      headerTooltip: `${column.name} · ${column.type}`,
      valueGetter: (params) => params.data?.[index] ?? null,
      valueFormatter: numeric ? numberFormatter(column) : textFormatter,
      // Quantities line up on the right; numeric labels (ids, years) read like text.
      type: numeric && !LABEL_NUMBER.test(column.name) ? 'rightAligned' : undefined,
      filter: filter ? (numeric ? 'agNumberColumnFilter' : 'agTextColumnFilter') : false,
      comparator: numeric ? compareNumbers : undefined,
      minWidth: 90,
    } satisfies ColDef<Row>;
  });
}

function compareNumbers(a: unknown, b: unknown): number {
  const x = a === null || a === undefined || a === '' ? Number.NEGATIVE_INFINITY : Number(a);
  const y = b === null || b === undefined || b === '' ? Number.NEGATIVE_INFINITY : Number(b);
  return x - y;
}

/** Text of one cell as a person would paste it into a spreadsheet. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** Rows as tab-separated text with a header line (Excel and Sheets paste it into cells). */
export function toTsv(columns: ColumnInfo[], rows: Row[]): string {
  const clean = (value: unknown) => cellText(value).replace(/[\t\r\n]+/g, ' ');
  return [columns.map((c) => clean(c.name)).join('\t'), ...rows.map((row) => row.map(clean).join('\t'))].join(
    '\n',
  );
}
