import { ServiceError } from './protocols';

/*
 * The Glue Data Catalog's state, kept in Glue's own wire shapes (PascalCase, epoch seconds), so the
 * service answers with what it holds.
 */

export interface GlueColumn {
  Name: string;
  Type: string;
}

export interface GlueTable {
  Name: string;
  DatabaseName: string;
  CreateTime: number;
  UpdateTime: number;
  TableType: 'EXTERNAL_TABLE';
  CreatedBy?: string;
  StorageDescriptor: {
    Columns: GlueColumn[];
    Location: string;
    InputFormat: string;
    OutputFormat: string;
    SerdeInfo: { SerializationLibrary: string; Parameters: Record<string, string> };
    Parameters: Record<string, string>;
  };
  PartitionKeys: GlueColumn[];
  Parameters: Record<string, string>;
}

export interface GluePartition {
  Values: string[];
  DatabaseName: string;
  TableName: string;
  CreationTime: number;
  StorageDescriptor: { Location: string; Columns: GlueColumn[] };
}

export interface CrawlHistory {
  CrawlId: string;
  State: 'RUNNING' | 'COMPLETED' | 'FAILED' | 'STOPPED';
  StartTime: number;
  EndTime?: number;
  Summary?: string;
  ErrorMessage?: string;
  LogGroup: string;
  LogStream: string;
  MessagePrefix: string;
  DPUHour?: number;
}

export interface CrawlerRecord {
  Name: string;
  Role: string;
  DatabaseName: string;
  Description?: string;
  TablePrefix?: string;
  Targets: { S3Targets: Array<{ Path: string; Exclusions?: string[] }> };
  Schedule?: { ScheduleExpression: string; State: 'SCHEDULED' | 'NOT_SCHEDULED' };
  State: 'READY' | 'RUNNING' | 'STOPPING';
  CreationTime: number;
  LastUpdated: number;
  Version: number;
  /** Set on the wire only while a crawl runs (see crawlerWire). */
  CrawlElapsedTime?: number;
  LastCrawl?: {
    Status: 'SUCCEEDED' | 'CANCELLED' | 'FAILED';
    ErrorMessage?: string;
    LogGroup: string;
    LogStream: string;
    MessagePrefix: string;
    StartTime: number;
  };
  /** Runs, newest last (ListCrawls). */
  history: CrawlHistory[];
  /** Tables the last finished run created / updated / deleted (GetCrawlerMetrics). */
  lastCounts: { created: number; updated: number; deleted: number };
}

export const nowSeconds = (): number => Date.now() / 1000;

export const notFound = (what: string): ServiceError =>
  new ServiceError(400, 'EntityNotFoundException', `${what} not found`);

/** Databases, tables, partitions and crawlers of one catalog. */
export class GlueStore {
  readonly databases = new Map<
    string,
    { Name: string; Description?: string; LocationUri?: string; CreateTime: number }
  >();
  readonly tables = new Map<string, Map<string, GlueTable>>();
  readonly partitions = new Map<string, GluePartition[]>();
  readonly crawlers = new Map<string, CrawlerRecord>();

  addDatabase(name: string, locationUri?: string, description?: string): void {
    if (this.databases.has(name)) return;
    this.databases.set(name, {
      Name: name,
      CreateTime: nowSeconds(),
      ...(locationUri ? { LocationUri: locationUri } : {}),
      ...(description ? { Description: description } : {}),
    });
    this.tables.set(name, new Map());
  }

  database(name: string) {
    const db = this.databases.get(name);
    if (!db) throw notFound(`Database ${name}`);
    return db;
  }

  tablesOf(database: string): Map<string, GlueTable> {
    this.database(database);
    return this.tables.get(database)!;
  }

  table(database: string, name: string): GlueTable {
    const table = this.tablesOf(database).get(name.toLowerCase());
    if (!table) throw notFound(`Table ${name}`);
    return table;
  }

  putTable(table: GlueTable, partitions: GluePartition[]): void {
    this.tablesOf(table.DatabaseName).set(table.Name, table);
    this.partitions.set(`${table.DatabaseName}.${table.Name}`, partitions);
  }

  partitionsOf(database: string, table: string): GluePartition[] {
    this.table(database, table);
    return this.partitions.get(`${database}.${table.toLowerCase()}`) ?? [];
  }

  crawler(name: string): CrawlerRecord {
    const crawler = this.crawlers.get(name);
    if (!crawler) throw notFound(`Crawler entry with name ${name}`);
    return crawler;
  }

  addCrawler(
    def: Pick<CrawlerRecord, 'Name' | 'Role' | 'DatabaseName' | 'Targets'> & Partial<CrawlerRecord>,
  ): CrawlerRecord {
    if (this.crawlers.has(def.Name))
      throw new ServiceError(400, 'AlreadyExistsException', `${def.Name} already exists`);
    const now = nowSeconds();
    const record: CrawlerRecord = {
      State: 'READY',
      CreationTime: now,
      LastUpdated: now,
      Version: 1,
      history: [],
      lastCounts: { created: 0, updated: 0, deleted: 0 },
      ...def,
    };
    this.crawlers.set(def.Name, record);
    return record;
  }
}

/** A crawler as GetCrawler / GetCrawlers answer (without the emulator's bookkeeping). */
export function crawlerWire(c: CrawlerRecord): Record<string, unknown> {
  const { history: _history, lastCounts: _counts, ...wire } = c;
  // As Glue: the time since the running crawl began, and nothing once the crawler is READY again.
  const running = c.State !== 'READY' ? c.history.at(-1) : undefined;
  if (running) wire.CrawlElapsedTime = Math.round((nowSeconds() - running.StartTime) * 1000);
  return {
    ...wire,
    SchemaChangePolicy: { UpdateBehavior: 'UPDATE_IN_DATABASE', DeleteBehavior: 'DEPRECATE_IN_DATABASE' },
  };
}
