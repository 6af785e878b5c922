import { randomBytes } from 'node:crypto';
import { StatementType, type DuckDBConnection } from '@duckdb/node-api';
import { LakeError } from '@shared/errors';
import type { Cell, ColumnInfo } from '@shared/results.schema';
import { toQueryError } from './duckdb-errors';
import { displayRows, exactRows, readAll, type ReadRows } from './duckdb-reader';
import { DuckDbSession, RESULTS_DB } from './duckdb-session';
import {
  FIRST_PAGE_ROWS,
  type BoundValue,
  type PageRequest,
  type QueryEngine,
  type QueryRequest,
  type ResultPage,
  type StoredResult,
} from './query-engine';
import { quoteIdent, stripTrailingSemicolons } from './sql-text';

interface KeptResult {
  table: string;
  columns: ColumnInfo[];
  rowCount: number;
}

/** Results kept at once; the oldest is freed first (a page of it then says to run it again). */
const MAX_KEPT_RESULTS = 32;

/** The local QueryEngine: DuckDB in memory, over the lake's files through views. */
export class DuckDbQueryEngine implements QueryEngine {
  private readonly results = new Map<string, KeptResult>();
  /** The lake's table names, for hints when a query names one that does not exist. */
  knownTables: readonly string[] = [];

  private constructor(readonly session: DuckDbSession) {}

  /** A new engine; with `root`, its SQL can reach files only inside that lake folder. */
  static async create(root?: string): Promise<DuckDbQueryEngine> {
    return new DuckDbQueryEngine(
      await DuckDbSession.open(root === undefined ? {} : { allowedDirectories: [root] }),
    );
  }

  async run(request: QueryRequest, signal: AbortSignal): Promise<StoredResult> {
    const started = performance.now();
    const sql = stripTrailingSemicolons(request.sql);
    const resultId = `r_${randomBytes(8).toString('hex')}`;
    const table = `${RESULTS_DB}.${resultId}`;
    const kept = await this.session
      .use(async (connection) => {
        await this.checkIsQuery(connection, sql);
        // Kept as a table: pages and sorts read it without running the query again.
        await readAll(connection, `CREATE TABLE ${table} AS SELECT * FROM (\n${sql}\n)`, request.params);
        const count = await connection.runAndReadAll(`SELECT count(*)::DOUBLE FROM ${table}`);
        return { table, rowCount: Number(count.getRowsJson()[0]?.[0] ?? 0) };
      }, signal)
      .catch((error: unknown) => {
        throw toQueryError(error, sql, this.knownTables, signal.aborted);
      });
    const first = await this.session.use((c) => c.runAndReadAll(pageSql(table, FIRST_PAGE_ROWS)));
    const { columns, rows } = displayRows(first);
    this.keep(resultId, { ...kept, columns });
    return {
      resultId,
      columns,
      rowCount: kept.rowCount,
      elapsedMs: performance.now() - started,
      firstRows: rows,
    };
  }

  async page(resultId: string, request: PageRequest): Promise<ResultPage> {
    return this.readPage(resultId, request, (reader) => displayRows(reader).rows);
  }

  async exactPage(resultId: string, request: PageRequest): Promise<ResultPage<string | null>> {
    return this.readPage(resultId, request, (reader) => exactRows(reader).rows);
  }

  columns(resultId: string): ColumnInfo[] {
    return this.kept(resultId).columns;
  }

  hasResult(resultId: string): boolean {
    return this.results.has(resultId);
  }

  /** The kept result's table, for DuckDB-only work such as a Parquet copy. */
  resultTable(resultId: string): string {
    return this.kept(resultId).table;
  }

  async discard(resultId: string): Promise<void> {
    const kept = this.results.get(resultId);
    if (!kept) return;
    this.results.delete(resultId);
    await this.session.use((c) => c.run(`DROP TABLE IF EXISTS ${kept.table}`));
  }

  /** Runs internal SQL (previews, profiles, the catalog) and reads all rows for display. */
  async query(
    sql: string,
    params: Record<string, BoundValue> = {},
    signal?: AbortSignal,
  ): Promise<ReadRows<Cell>> {
    return this.session
      .use(async (c) => displayRows(await readAll(c, sql, params)), signal)
      .catch((error: unknown) => {
        throw toQueryError(error, sql, this.knownTables, signal?.aborted);
      });
  }

  /** Like {@link query}, with every value as exact text. */
  async queryExact(
    sql: string,
    params: Record<string, BoundValue> = {},
    signal?: AbortSignal,
  ): Promise<ReadRows<string | null>> {
    return this.session
      .use(async (c) => exactRows(await readAll(c, sql, params)), signal)
      .catch((error: unknown) => {
        throw toQueryError(error, sql, this.knownTables, signal?.aborted);
      });
  }

  /** Runs statements that return nothing (views, copies), in order, on one connection. */
  async exec(statements: readonly string[], signal?: AbortSignal): Promise<void> {
    await this.session.use(async (c) => {
      for (const statement of statements) await c.run(statement);
    }, signal);
  }

  async close(): Promise<void> {
    this.results.clear();
    await this.session.close();
  }

  private async checkIsQuery(connection: DuckDBConnection, sql: string): Promise<void> {
    const prepared = await connection.prepare(sql);
    const type = prepared.statementType;
    prepared.destroySync();
    // Read-only by design: a query cannot create, change or copy anything, here or on disk.
    if (type !== StatementType.SELECT) {
      throw new LakeError(
        'QUERY_FAILED',
        'Only queries run here (SELECT, WITH, VALUES, DESCRIBE, SHOW); this statement would change something.',
        'Write a SELECT; lake files are changed by jobs and imports, not by SQL.',
      );
    }
  }

  private keep(resultId: string, result: KeptResult): void {
    this.results.set(resultId, result);
    while (this.results.size > MAX_KEPT_RESULTS) {
      const oldest = this.results.keys().next().value as string;
      void this.discard(oldest).catch(() => undefined);
    }
  }

  private kept(resultId: string): KeptResult {
    const kept = this.results.get(resultId);
    if (!kept) {
      throw new LakeError(
        'NOT_FOUND',
        `No query result ${resultId}.`,
        'It was freed or is from an earlier run: run the query again.',
      );
    }
    return kept;
  }

  private async readPage<C>(
    resultId: string,
    request: PageRequest,
    convert: (reader: Awaited<ReturnType<DuckDBConnection['runAndReadAll']>>) => C[][],
  ): Promise<ResultPage<C>> {
    const kept = this.kept(resultId);
    const names = new Set(kept.columns.map((c) => c.name));
    const unknown = request.sort.find((s) => !names.has(s.column));
    if (unknown) throw new LakeError('BAD_INPUT', `The result has no column "${unknown.column}" to sort by.`);
    const sql = pageSql(kept.table, request.limit, request.offset, request.sort, kept.columns);
    const rows = await this.session.use(async (c) => convert(await c.runAndReadAll(sql)));
    return { rows, rowCount: kept.rowCount };
  }
}

/**
 * A page of a kept result. Unsorted, in the order the query gave (DuckDB keeps insertion order, and
 * an offset scan is instant); sorted, with the row number breaking ties so pages never overlap.
 */
function pageSql(
  table: string,
  limit: number,
  offset = 0,
  sort: PageRequest['sort'] = [],
  columns: ColumnInfo[] = [],
): string {
  const page = `LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`;
  if (sort.length === 0) return `SELECT * FROM ${table} ${page}`;
  const order = sort.map(
    (s) => `${quoteIdent(s.column)} ${s.direction === 'desc' ? 'DESC' : 'ASC'} NULLS LAST`,
  );
  // A result column named rowid hides DuckDB's row number; its pages then break ties arbitrarily.
  if (!columns.some((c) => c.name.toLowerCase() === 'rowid')) order.push('rowid');
  return `SELECT * FROM ${table} ORDER BY ${order.join(', ')} ${page}`;
}
