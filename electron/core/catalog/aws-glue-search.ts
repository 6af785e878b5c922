import type { GlueClient } from '@aws-sdk/client-glue';
import type { TableChange, TablePage, TableSummary } from '@shared/glue.schema';
import type { AwsCaller } from '../aws-caller';
import { listDatabases, tablesOf, toSummary } from './aws-glue-tables';

/**
 * Tables matching `search` (name, column or location), paged by offset. Glue's own Expression
 * matches names only, and finance staff search by column ("where is bill_amount?").
 */
export async function searchTables(
  glue: GlueClient,
  caller: AwsCaller,
  query: { database?: string; search?: string; nextToken?: string; maxResults: number },
): Promise<TablePage> {
  const databases = query.database
    ? [query.database]
    : (await listDatabases(glue, caller)).map((d) => d.name);
  const needle = (query.search ?? '').trim().toLowerCase();
  const all: TableSummary[] = [];
  for (const db of databases) all.push(...(await tablesOf(glue, caller, db)).map(toSummary));
  const found = all.filter(
    (t) =>
      !needle ||
      t.name.toLowerCase().includes(needle) ||
      t.location.toLowerCase().includes(needle) ||
      t.columns.some((c) => c.name.toLowerCase().includes(needle)),
  );
  const start = Number(query.nextToken ?? '0') || 0;
  const end = start + query.maxResults;
  return { tables: found.slice(start, end), ...(end < found.length ? { nextToken: String(end) } : {}) };
}

/** The tables a crawler wrote since `since` (Glue marks them UPDATED_BY_CRAWLER). */
export async function tablesChangedBy(
  glue: GlueClient,
  caller: AwsCaller,
  crawler: { name: string; database: string },
  since: Date,
): Promise<TableChange[]> {
  // A second of slack: the crawl's start time and the tables' times come from different clocks.
  const from = since.getTime() - 1_000;
  return (await tablesOf(glue, caller, crawler.database))
    .filter(
      (t) => t.Parameters?.UPDATED_BY_CRAWLER === crawler.name && (t.UpdateTime?.getTime() ?? 0) >= from,
    )
    .map((t) => ({
      database: crawler.database,
      name: t.Name ?? '',
      change: (t.CreateTime?.getTime() ?? 0) >= from ? ('created' as const) : ('updated' as const),
      location: t.StorageDescriptor?.Location ?? '',
    }));
}
