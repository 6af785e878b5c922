import type { CatalogDatabase, PartitionPage, TableDetail, TablePage } from '@shared/glue.schema';

export interface TableQuery {
  database?: string;
  search?: string;
  nextToken?: string;
  maxResults: number;
}

export interface PartitionQuery {
  database: string;
  table: string;
  nextToken?: string;
  maxResults: number;
}

/**
 * The tables of a workspace's catalog: Glue in an AWS workspace (`aws-catalog.ts`), the crawled lake
 * folder in a local one (`local-catalog.ts`). `providers.ts` picks one.
 */
export interface CatalogTables {
  readonly kind: 'local' | 'aws';
  /** Every database (a local lake has one, `lake`). */
  listDatabases(): Promise<CatalogDatabase[]>;
  /** Tables matching a search on name, column or location, one page at a time. */
  searchTables(query: TableQuery): Promise<TablePage>;
  getTable(database: string, name: string): Promise<TableDetail>;
  listPartitions(query: PartitionQuery): Promise<PartitionPage>;
  /** Frees clients and connections. */
  close(): void;
}
