/** Whether a column of this type holds numbers (right-aligned, grouped, numeric in Excel). */
export function isNumberType(type: string): boolean {
  return /^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL)/i.test(
    type,
  );
}

/** Whether a column of this type holds whole numbers. */
export function isIntegerType(type: string): boolean {
  return /^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/i.test(
    type,
  );
}

/** The scale of a DECIMAL(p,s) type, or undefined for other types. */
export function decimalScale(type: string): number | undefined {
  const match = /^DECIMAL\(\s*\d+\s*,\s*(\d+)\s*\)$/i.exec(type);
  return match ? Number(match[1]) : undefined;
}

/**
 * Exact decimal text with thousands separators, digits untouched: `-1234567.80` → `-1,234,567.80`.
 * Text that is not a plain decimal (NaN, exponent form) comes back as it was.
 */
export function groupDigits(text: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = ''] = match;
  return `${sign}${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction}`;
}

/**
 * The number for exact decimal text when a double holds it exactly enough to print back the same
 * digits (15 significant digits); undefined when it does not, so the caller keeps the text.
 */
export function exactNumber(text: string): number | undefined {
  if (!/^-?\d+(\.\d+)?$/.test(text)) return undefined;
  const digits = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  if (digits.length > 15) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
