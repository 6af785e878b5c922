/**
 * Trino's date_format/date_parse take MySQL-style specifiers; DuckDB's strftime/strptime take C-style
 * ones. These tables translate the ones that differ. Order matters: `%M` (MySQL month name) must become
 * `%B` before `%i` (MySQL minutes) becomes `%M`, and `%W` before `%u` becomes `%W`.
 */
const formatting: ReadonlyArray<readonly [string, string]> = [
  ['%M', '%B'],
  ['%i', '%M'],
  ['%W', '%A'],
  ['%u', '%W'],
  ['%s', '%S'],
  ['%h', '%I'],
  ['%c', '%-m'],
  ['%e', '%-d'],
  ['%k', '%-H'],
  ['%l', '%-I'],
  ['%T', '%H:%M:%S'],
  ['%r', '%I:%M:%S %p'],
  ['%v', '%V'],
  ['%x', '%G'],
];

// strptime reads one- or two-digit fields with the padded specifiers, and has no `%-` forms.
const parsing: ReadonlyArray<readonly [string, string]> = [
  ['%M', '%B'],
  ['%i', '%M'],
  ['%W', '%A'],
  ['%s', '%S'],
  ['%h', '%I'],
  ['%c', '%m'],
  ['%e', '%d'],
  ['%k', '%H'],
  ['%l', '%I'],
  ['%T', '%H:%M:%S'],
  ['%r', '%I:%M:%S %p'],
];

/** SQL that rewrites a MySQL-style format expression into strftime's (as nested `replace` calls). */
export function formatConversionSql(expression: string): string {
  return formatting.reduce((sql, [from, to]) => `replace(${sql}, '${from}', '${to}')`, expression);
}

/** A MySQL-style parse format in strptime's specifiers. */
export function toStrptimeFormat(mysqlFormat: string): string {
  return parsing.reduce((format, [from, to]) => format.split(from).join(to), mysqlFormat);
}

/**
 * The date_parse formats the local engine understands. DuckDB's strptime needs a constant format, so
 * date_parse is a CASE over known formats rather than a translation at run time.
 */
export const DATE_PARSE_FORMATS: readonly string[] = [
  '%Y-%m-%d',
  '%Y-%m-%d %H:%i:%s',
  '%Y-%m-%d %H:%i:%s.%f',
  '%Y-%m-%d %H:%i',
  '%Y-%m-%d %T',
  '%Y-%m-%dT%H:%i:%s',
  '%Y-%m-%dT%H:%i:%s.%f',
  '%Y/%m/%d',
  '%Y/%m/%d %H:%i:%s',
  '%Y%m%d',
  '%Y%m%d%H%i%s',
  '%Y-%m',
  '%m/%d/%Y',
  '%m/%d/%Y %H:%i:%s',
  '%m/%d/%Y %h:%i:%s %p',
  '%m/%d/%y',
  '%c/%e/%Y',
  '%m-%d-%Y',
  '%d/%m/%Y',
  '%d/%m/%Y %H:%i:%s',
  '%d/%m/%y',
  '%d-%m-%Y',
  '%d-%m-%Y %H:%i:%s',
  '%d.%m.%Y',
  '%d-%b-%Y',
  '%d %b %Y',
  '%b %d %Y',
  '%b %e, %Y',
  '%M %e, %Y',
  '%d %M %Y',
  '%H:%i:%s',
];
