import type { CatalogTable } from '@shared/catalog.schema';
import { LakeError } from '@shared/errors';
import type {
  CatalogDatabase,
  PartitionPage,
  TableDetail,
  TablePage,
  TableSummary,
} from '@shared/glue.schema';
import type { LocalLake } from '../engine/lake-engines';
import type { CatalogTables, PartitionQuery, TableQuery } from './catalog.provider';
import { savedQueriesReading } from './pipeline-link';

/** The one database of a local lake: its crawled folders. */
export const LOCAL_DATABASE = 'lake';

function toSummary(t: CatalogTable): TableSummary {
  return {
    database: LOCAL_DATABASE,
    name: t.name,
    location: t.location,
    classification: t.format,
    columns: t.columns.map((c) => ({ name: c.name, type: c.type })),
    partitionKeys: t.partitionKeys.map((name) => ({ name, type: 'VARCHAR' })),
    updatedAt: t.updatedAt,
    sizeBytes: t.sizeBytes,
  };
}

/** A local lake's tables through the same interface as Glue's (the lake is crawled on first use). */
export class LocalCatalog implements CatalogTables {
  readonly kind = 'local' as const;

  constructor(private readonly lake: LocalLake) {}

  async listDatabases(): Promise<CatalogDatabase[]> {
    return [{ name: LOCAL_DATABASE, description: 'The local lake folder', locationUri: this.lake.root }];
  }

  async searchTables(query: TableQuery): Promise<TablePage> {
    if (query.database && query.database !== LOCAL_DATABASE) return { tables: [] };
    await this.lake.catalog.ensure();
    const needle = (query.search ?? '').trim().toLowerCase();
    const found = this.lake.catalog
      .snapshot()
      .tables.map(toSummary)
      .filter(
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

  async getTable(database: string, name: string): Promise<TableDetail> {
    await this.lake.catalog.ensure();
    const table = this.lake.catalog.snapshot().tables.find((t) => t.name === name);
    if (database !== LOCAL_DATABASE || !table)
      throw new LakeError(
        'NOT_FOUND',
        `No table ${database}.${name} in this lake.`,
        'Crawl the lake to find new folders.',
      );
    return {
      ...toSummary(table),
      parameters: { files: String(table.files) },
      savedQueries: savedQueriesReading([table.name]),
    };
  }

  async listPartitions(_query: PartitionQuery): Promise<PartitionPage> {
    // Local tables read their `key=value` folders as columns; there is no partition list to page.
    return { partitions: [] };
  }

  close(): void {
    // The lake's engine belongs to LakeEngines and outlives this view.
  }
}
