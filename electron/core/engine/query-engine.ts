import type { Cell, ColumnInfo } from '@shared/results.schema';

/** A value bound to a placeholder: never spliced into the SQL text. */
export type BoundValue = string | number | null;

/**
 * One statement and the values of its placeholders, by placeholder name. Positional `?`
 * placeholders are named by position: '1', '2', … (Athena's ExecutionParameters are positional).
 */
export interface QueryRequest {
  sql: string;
  params: Record<string, BoundValue>;
}

/** A finished query whose rows stay in the engine, to be read page by page. */
export interface StoredResult {
  resultId: string;
  columns: ColumnInfo[];
  rowCount: number;
  elapsedMs: number;
  /** The first page (up to {@link FIRST_PAGE_ROWS} rows). */
  firstRows: Cell[][];
}

export interface PageRequest {
  offset: number;
  limit: number;
  sort: Array<{ column: string; direction: 'asc' | 'desc' }>;
}

export interface ResultPage<C = Cell> {
  rows: C[][];
  rowCount: number;
}

/** Rows of the first page a query returns with its result. */
export const FIRST_PAGE_ROWS = 200;

/**
 * Runs SQL over the lake: DuckDB in a local workspace (and, later, Athena in an AWS one).
 * SQL is Athena SQL (Trino dialect); an engine that is not Trino makes it run unchanged.
 */
export interface QueryEngine {
  /** Runs one query with bound parameters and keeps its result; `signal` cancels it. */
  run(request: QueryRequest, signal: AbortSignal): Promise<StoredResult>;
  /** A page of a kept result for display (decimals and big integers as numbers), optionally sorted. */
  page(resultId: string, request: PageRequest): Promise<ResultPage>;
  /** A page of a kept result as exact text (decimals keep their scale), for exports and money sums. */
  exactPage(resultId: string, request: PageRequest): Promise<ResultPage<string | null>>;
  /** The columns of a kept result. */
  columns(resultId: string): ColumnInfo[];
  /** Whether this engine holds the result. */
  hasResult(resultId: string): boolean;
  /** Frees a kept result. */
  discard(resultId: string): Promise<void>;
  /** Cancels what runs and frees everything. */
  close(): Promise<void>;
}
