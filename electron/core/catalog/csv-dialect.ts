import { z } from 'zod';
import type { DuckDbQueryEngine } from '../engine/duckdb-query-engine';
import { quoteLiteral } from '../engine/sql-text';

/** How a table's CSV files are written, as DuckDB's sniffer found it at the crawl. */
export const CsvDialect = z.object({
  delim: z.string(),
  quote: z.string(),
  header: z.boolean(),
  skip: z.number(),
  columns: z.array(z.tuple([z.string(), z.string()])),
  dateformat: z.string().optional(),
  timestampformat: z.string().optional(),
});
export type CsvDialect = z.infer<typeof CsvDialect>;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' && value !== '(empty)' ? value : undefined;

/**
 * Sniffs a CSV file once, at the crawl. Views then read with these settings instead of sniffing
 * again each time a query names the table (tens of milliseconds per table per query).
 */
export async function sniffCsv(engine: DuckDbQueryEngine, file: string): Promise<CsvDialect> {
  const { rows } = await engine.queryExact(
    'SELECT Delimiter, Quote, HasHeader, SkipRows, Columns, DateFormat, TimestampFormat FROM sniff_csv($file)',
    { file },
  );
  const [delim, quote, header, skip, columns, dateformat, timestampformat] = rows[0] ?? [];
  const parsed = JSON.parse(columns ?? '[]') as Array<{ name: string; type: string }>;
  return {
    delim: text(delim) ?? ',',
    quote: text(quote) ?? '"',
    header: header === 'true',
    skip: Number(skip ?? 0),
    columns: parsed.map((c) => [c.name, c.type]),
    ...(text(dateformat) ? { dateformat: text(dateformat) } : {}),
    ...(text(timestampformat) ? { timestampformat: text(timestampformat) } : {}),
  };
}

/** read_csv settings that skip the sniffer. Quotes escape by doubling (RFC 4180). */
export function dialectSettings(dialect: CsvDialect): string[] {
  const columns = dialect.columns.map(([name, type]) => `${quoteLiteral(name)}: ${quoteLiteral(type)}`);
  const settings = [
    'auto_detect = false',
    `delim = ${quoteLiteral(dialect.delim)}`,
    `quote = ${quoteLiteral(dialect.quote)}`,
    `escape = ${quoteLiteral(dialect.quote)}`,
    `header = ${dialect.header}`,
    `skip = ${dialect.skip}`,
    `columns = {${columns.join(', ')}}`,
  ];
  if (dialect.dateformat) settings.push(`dateformat = ${quoteLiteral(dialect.dateformat)}`);
  if (dialect.timestampformat) settings.push(`timestampformat = ${quoteLiteral(dialect.timestampformat)}`);
  return settings;
}
