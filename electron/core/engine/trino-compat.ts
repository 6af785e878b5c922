import { DATE_PARSE_FORMATS, formatConversionSql, toStrptimeFormat } from './mysql-format';

const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

function dateParseBody(): string {
  const branches = DATE_PARSE_FORMATS.map(
    (format) => `WHEN ${literal(format)} THEN strptime(s, ${literal(toStrptimeFormat(format))})`,
  ).join(' ');
  return `CASE fmt ${branches} ELSE error('date_parse: the format ' || fmt || ' is not supported by the local engine; see TRINO_COMPAT.md') END`;
}

const dateAddInterval = `CASE lower(unit)
  WHEN 'millisecond' THEN to_milliseconds(CAST(n AS BIGINT))
  WHEN 'second' THEN to_seconds(CAST(n AS DOUBLE))
  WHEN 'minute' THEN to_minutes(CAST(n AS BIGINT))
  WHEN 'hour' THEN to_hours(CAST(n AS BIGINT))
  WHEN 'day' THEN to_days(CAST(n AS INTEGER))
  WHEN 'week' THEN to_weeks(CAST(n AS INTEGER))
  WHEN 'month' THEN to_months(CAST(n AS INTEGER))
  WHEN 'quarter' THEN to_quarters(CAST(n AS INTEGER))
  WHEN 'year' THEN to_years(CAST(n AS INTEGER))
  ELSE error('date_add: unknown unit ' || unit) END`;

/**
 * Macros that make Athena SQL (Trino) run unchanged on DuckDB; TRINO_COMPAT.md lists them with
 * their limits. A macro named like a DuckDB builtin hides all the builtin's forms, so each such
 * macro defines every form we still need (date_add keeps DuckDB's own (date, interval)).
 */
export const TRINO_COMPAT_MACROS: readonly string[] = [
  `CREATE OR REPLACE MACRO date_format(ts, fmt) AS strftime(ts, ${formatConversionSql('fmt')})`,
  `CREATE OR REPLACE MACRO date_parse(s, fmt) AS ${dateParseBody()}`,
  `CREATE OR REPLACE MACRO approx_distinct(x) AS approx_count_distinct(x), (x, e) AS approx_count_distinct(x)`,
  `CREATE OR REPLACE MACRO approx_percentile(x, p) AS approx_quantile(x, p)`,
  `CREATE OR REPLACE MACRO from_iso8601_date(s) AS CAST(s AS DATE)`,
  `CREATE OR REPLACE MACRO from_iso8601_timestamp(s) AS CAST(s AS TIMESTAMPTZ)`,
  `CREATE OR REPLACE MACRO regexp_like(s, pattern) AS regexp_matches(s, pattern)`,
  `CREATE OR REPLACE MACRO to_unixtime(ts) AS epoch(ts)`,
  `CREATE OR REPLACE MACRO from_unixtime(n) AS to_timestamp(CAST(n AS DOUBLE))`,
  // Trino gives NULL when the path leads to an object or array, not its JSON text.
  `CREATE OR REPLACE MACRO json_extract_scalar(j, path) AS
     CASE WHEN json_type(json_extract(j, path)) IN ('OBJECT', 'ARRAY') THEN NULL ELSE json_extract_string(j, path) END`,
  `CREATE OR REPLACE MACRO array_join(a, sep) AS array_to_string(a, sep),
     (a, sep, null_text) AS array_to_string(list_transform(a, lambda x: coalesce(CAST(x AS VARCHAR), null_text)), sep)`,
  `CREATE OR REPLACE MACRO day_of_week(d) AS isodow(d)`,
  `CREATE OR REPLACE MACRO cardinality(a) AS len(a)`,
  `CREATE OR REPLACE MACRO date_add(d, i) AS d + i, (unit, n, d) AS d + ${dateAddInterval}`,
  // DuckDB's date_diff counts boundaries crossed; Trino's counts whole units, which is date_sub.
  `CREATE OR REPLACE MACRO date_diff(unit, a, b) AS date_sub(unit, a, b)`,
];
