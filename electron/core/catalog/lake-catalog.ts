import type { Catalog, CatalogTable, CrawlResult } from '@shared/catalog.schema';
import type { ColumnInfo } from '@shared/results.schema';
import type { DuckDbQueryEngine } from '../engine/duckdb-query-engine';
import { quoteIdent } from '../engine/sql-text';
import { diffCatalogs } from './catalog-diff';
import { loadCatalog, saveCatalog, type StoredCatalog, type StoredTable } from './catalog-store';
import { findTableFolders, type WalkProblem } from './lake-walker';
import { assignTableNames } from './table-names';
import { sniffCsv } from './csv-dialect';
import { readerSql, type TableSource } from './table-reader';
import { specOf, type TableSpec } from './table-spec';

export type CrawlProgress = (done: number, total: number, message: string) => void;

/**
 * Tables the saved SQL may read that a lake need not have: an empty stand-in keeps such SQL
 * portable (no "if the table exists" in SQL), and the SQL supplies the defaults (gross-profit.sql).
 */
const STAND_INS: Record<string, string> = {
  currency_rates:
    'SELECT CAST(NULL AS VARCHAR) AS currency, CAST(NULL AS DECIMAL(18, 6)) AS rate_to_usd WHERE false',
};

function toContract(table: StoredTable): CatalogTable {
  const { unionByName: _union, csv: _csv, ...contract } = table;
  return contract;
}

/** A local lake's catalog (the twin of Glue's): crawled from its folders, kept in `.lakedesk/`, served as views. */
export class LakeCatalog {
  private stored: StoredCatalog | undefined;
  private readonly views = new Set<string>();
  private loading: Promise<void> | undefined;

  constructor(
    readonly root: string,
    private readonly engine: DuckDbQueryEngine,
  ) {}

  /** The tables of the last crawl (none before the first). */
  snapshot(): Catalog {
    return { crawledAt: this.stored?.crawledAt ?? null, tables: (this.stored?.tables ?? []).map(toContract) };
  }

  /** Loads the stored catalog into DuckDB's views; crawls first when the lake has none yet. */
  ensure(): Promise<void> {
    this.loading ??= (async () => {
      const stored = await loadCatalog(this.root);
      if (!stored) {
        await this.crawl();
        return;
      }
      this.stored = stored;
      await this.register(stored.tables);
    })().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  /** Finds the lake's tables, reports what changed since the last crawl, and saves the catalog. */
  async crawl(signal?: AbortSignal, progress?: CrawlProgress): Promise<CrawlResult> {
    const started = performance.now();
    // Changes are against the saved catalog, also when this is the first crawl since a restart.
    this.stored ??= await loadCatalog(this.root);
    const folders = await findTableFolders(this.root, signal);
    const problems: WalkProblem[] = [];
    const specs: TableSpec[] = [];
    for (const [index, folder] of folders.entries()) {
      progress?.(index, folders.length, folder.location);
      const spec = await specOf(folder, this.engine);
      if ('message' in spec) problems.push(spec);
      else specs.push(spec);
    }
    const names = assignTableNames(specs.map((s) => s.location));
    const tables: StoredTable[] = [];
    for (const spec of specs) {
      const name = names.get(spec.location)!;
      try {
        const source = { name, ...specFields(spec) };
        if (spec.format === 'csv' && !spec.unionByName) source.csv = await sniffCsv(this.engine, spec.sample);
        tables.push({ ...source, columns: await this.describe(source, signal) });
      } catch (error) {
        if (signal?.aborted) throw error;
        problems.push({
          location: spec.location,
          message: `Unreadable: ${(error as Error).message.split('\n')[0]}`,
        });
      }
    }
    progress?.(folders.length, folders.length, 'saving the catalog');
    const changes = diffCatalogs(this.stored?.tables ?? [], tables);
    this.stored = {
      version: 1,
      crawledAt: new Date().toISOString(),
      tables: tables.sort((a, b) => (a.name < b.name ? -1 : 1)),
    };
    this.loading = Promise.resolve();
    await this.register(this.stored.tables);
    await saveCatalog(this.root, this.stored).catch((error: unknown) => {
      // A read-only lake (a shared fixture, a mounted share) still gets its tables, for this run only.
      problems.push({
        location: '.lakedesk/catalog.json',
        message: `The catalog could not be saved (${(error as Error).message}); its tables work until Lakedesk closes.`,
      });
    });
    return {
      tablesCreated: changes.created,
      tablesUpdated: changes.updated,
      tablesDeleted: changes.deleted,
      tables: tables.length,
      durationMs: Math.round(performance.now() - started),
      problems,
    };
  }

  private async describe(source: TableSource, signal?: AbortSignal): Promise<ColumnInfo[]> {
    const { rows } = await this.engine.query(
      `DESCRIBE SELECT * FROM ${readerSql(this.root, source)}`,
      {},
      signal,
    );
    return rows.map((row) => ({ name: String(row[0]), type: String(row[1]) }));
  }

  /** Makes DuckDB's views match the catalog: one per table, stand-ins for missing optional tables. */
  private async register(tables: readonly StoredTable[]): Promise<void> {
    const wanted = new Map<string, string>();
    for (const table of tables) wanted.set(table.name, `SELECT * FROM ${readerSql(this.root, table)}`);
    for (const [name, sql] of Object.entries(STAND_INS)) if (!wanted.has(name)) wanted.set(name, sql);
    for (const name of this.views) {
      if (!wanted.has(name)) await this.engine.exec([`DROP VIEW IF EXISTS main.${quoteIdent(name)}`]);
    }
    this.views.clear();
    for (const [name, sql] of wanted) {
      // A folder removed since the crawl fails here; its queries then say the table does not exist.
      await this.engine
        .exec([`CREATE OR REPLACE VIEW main.${quoteIdent(name)} AS ${sql}`])
        .then(() => this.views.add(name))
        .catch(() => this.engine.exec([`DROP VIEW IF EXISTS main.${quoteIdent(name)}`]));
    }
    this.engine.knownTables = tables.map((t) => t.name);
  }
}

function specFields(
  spec: TableSpec,
): Omit<StoredTable, 'name' | 'columns' | 'csv'> & { csv?: StoredTable['csv'] } {
  const { location, format, partitionKeys, files, sizeBytes, updatedAt, unionByName } = spec;
  return {
    location,
    format,
    partitionKeys,
    files,
    sizeBytes,
    updatedAt,
    ...(unionByName ? { unionByName } : {}),
  };
}
