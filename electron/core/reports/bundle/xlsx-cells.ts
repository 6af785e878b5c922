import type { ColumnInfo } from '@shared/results.schema';
import { formatOfColumn } from './bundle-content';
import { decimalScale, exactNumber, isIntegerType, isNumberType } from './number-text';

/** A value for an Excel cell. Text always stays text: no formula is ever made from a value. */
export type XlsxValue = string | number | boolean | Date | null;

/** How a column's cells are written: converter and Excel number format. */
export interface XlsxColumn {
  header: string;
  numFmt?: string;
  width: number;
  toCell(text: string | null): XlsxValue;
}

const USD_FORMAT = '"$"#,##0.00;[Red]-"$"#,##0.00';

function dateOf(text: string, withTime: boolean): Date | string {
  const iso = withTime ? `${text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')}` : `${text}T00:00:00`;
  const date = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`);
  return Number.isNaN(date.getTime()) ? text : date;
}

function numberFormat(column: ColumnInfo): string | undefined {
  const kind = formatOfColumn(column.name);
  const scale = decimalScale(column.type);
  if (kind === 'usd' && !isIntegerType(column.type)) return USD_FORMAT;
  // Margins are stored as percentages (52.69 means 52.69 %), so the format adds the sign only.
  if (kind === 'percent') return `0.${'0'.repeat(scale ?? 2)}" %"`;
  if (isIntegerType(column.type)) return '#,##0';
  if (scale !== undefined) return scale === 0 ? '#,##0' : `#,##0.${'0'.repeat(scale)}`;
  return undefined;
}

/**
 * The cell writer for a bundled column: numbers as numbers (text only when a double would change
 * their digits), dates and timestamps as Excel dates, booleans as booleans, everything else as text.
 */
export function xlsxColumn(column: ColumnInfo): XlsxColumn {
  const type = column.type.toUpperCase();
  const header = column.name;
  const width = Math.min(40, Math.max(10, header.length + 2));
  if (/^(DOUBLE|FLOAT|REAL)$/.test(type)) {
    return { header, width, toCell: (t) => (t === null ? null : Number.isFinite(Number(t)) ? Number(t) : t) };
  }
  if (isNumberType(type)) {
    const numFmt = numberFormat(column);
    return {
      header,
      width: Math.max(width, 14),
      ...(numFmt ? { numFmt } : {}),
      toCell: (t) => (t === null ? null : (exactNumber(t) ?? t)),
    };
  }
  if (type === 'DATE')
    return { header, width: 12, numFmt: 'yyyy-mm-dd', toCell: (t) => (t === null ? null : dateOf(t, false)) };
  if (/^TIMESTAMP/.test(type)) {
    return {
      header,
      width: 20,
      numFmt: 'yyyy-mm-dd hh:mm:ss',
      toCell: (t) => (t === null ? null : dateOf(t, true)),
    };
  }
  if (type === 'BOOLEAN') return { header, width, toCell: (t) => (t === null ? null : t === 'true') };
  return { header, width: Math.max(width, 16), toCell: (t) => t };
}

/** A valid, unique sheet name (31 characters, none of `[]:*?/\`). */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i += 1)
    name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}
