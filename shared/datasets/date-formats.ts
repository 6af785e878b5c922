/** The date format every date column accepts, and the one the lake stores. */
export const ISO_DATE_FORMAT = 'YYYY-MM-DD';

type Part = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

interface CompiledFormat {
  regex: RegExp;
  parts: Part[];
}

const compiled = new Map<string, CompiledFormat>();

/**
 * Turns `MM/DD/YYYY`-style formats into a regex. `MM` after `HH` means minutes, as in DOMAIN.md's
 * `YYYY-MM-DD HH:MM:SS`. The extra input formats take one- or two-digit month, day and hour,
 * because spreadsheets write `7/1/2025`; the ISO format stays strict, since it is what we store.
 */
function compile(format: string): CompiledFormat {
  const cached = compiled.get(format);
  if (cached) return cached;
  const loose = format !== ISO_DATE_FORMAT;
  const short = loose ? '(\\d{1,2})' : '(\\d{2})';
  const parts: Part[] = [];
  let pattern = '';
  let sawHour = false;
  for (let i = 0; i < format.length;) {
    const token = format.slice(i, i + 4) === 'YYYY' ? 'YYYY' : format.slice(i, i + 2);
    if (token === 'YYYY') {
      parts.push('year');
      pattern += '(\\d{4})';
    } else if (token === 'MM' || token === 'mm') {
      parts.push(sawHour ? 'minute' : 'month');
      pattern += sawHour ? '(\\d{2})' : short;
    } else if (token === 'DD') {
      parts.push('day');
      pattern += short;
    } else if (token === 'HH') {
      sawHour = true;
      parts.push('hour');
      pattern += short;
    } else if (token === 'SS' || token === 'ss') {
      parts.push('second');
      pattern += '(\\d{2})';
    } else {
      pattern += format[i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i += 1;
      continue;
    }
    i += token.length;
  }
  const result = { regex: new RegExp(`^${pattern}$`), parts };
  compiled.set(format, result);
  return result;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The ISO date (`YYYY-MM-DD`) a value means in one format, or undefined if it is not a real date in it. */
export function parseDateAs(value: string, format: string): string | undefined {
  const { regex, parts } = compile(format);
  const match = regex.exec(value);
  if (!match) return undefined;
  const got: Partial<Record<Part, number>> = {};
  parts.forEach((part, i) => {
    got[part] = Number(match[i + 1]);
  });
  const { year, month, day, hour = 0, minute = 0, second = 0 } = got;
  if (year === undefined || month === undefined || day === undefined) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The ISO date a value means in YYYY-MM-DD or any of `extraFormats`, or undefined if none fits. */
export function parseDate(value: string, extraFormats: readonly string[] = []): string | undefined {
  for (const format of [ISO_DATE_FORMAT, ...extraFormats]) {
    const iso = parseDateAs(value, format);
    if (iso !== undefined) return iso;
  }
  return undefined;
}
