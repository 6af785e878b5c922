import type {
  BundleChart,
  BundleManifest,
  BundleQuery,
  BundleWorkspace,
} from '@shared/bundle-manifest.schema';
import type { ColumnInfo } from '@shared/results.schema';

/** A table to bundle: its columns (engine types) and its rows as exact text, chunk by chunk. */
export interface TableSource {
  /** A plain SQL name, unique in the bundle. */
  name: string;
  title: string;
  columns: ColumnInfo[];
  rows(signal: AbortSignal): AsyncIterable<Array<Array<string | null>>>;
}

/** A chart before it is drawn: everything of a {@link BundleChart} but the member paths. */
export type ChartPlan = Omit<BundleChart, 'specPath' | 'png'>;

/** Everything an export source gives the bundle writer. */
export interface BundleContent {
  title: string;
  kind: BundleManifest['kind'];
  workspace: BundleWorkspace;
  queries: BundleQuery[];
  tables: TableSource[];
  charts: ChartPlan[];
  highlights: BundleManifest['highlights'];
  notes: string[];
  /** Frees what the source holds (kept results in the lake engine), once the data is staged. */
  release(): Promise<void>;
}

/** A table source over rows already in memory (report roll-ups). */
export function memoryTable(
  name: string,
  title: string,
  columns: ColumnInfo[],
  rows: Array<Array<string | null>>,
): TableSource {
  return {
    name,
    title,
    columns,
    async *rows() {
      if (rows.length) yield rows;
    },
  };
}

/** `total-sales-by-customer` → `total_sales_by_customer`: a name the SQL box takes unquoted. */
export function tableNameOf(text: string): string {
  const name = text
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z_]/.test(name) ? name : `t_${name || 'result'}`;
}

/** A column name as a person reads it: `revenue_usd` → `Revenue (USD)`. */
export function labelOf(column: string): string {
  const words = column.split('_').filter(Boolean);
  const usd = words.at(-1) === 'usd';
  const pct = words.at(-1) === 'pct';
  const base = (usd || pct ? words.slice(0, -1) : words).join(' ');
  const text = base.charAt(0).toUpperCase() + base.slice(1);
  return usd ? `${text} (USD)` : pct ? `${text} (%)` : text;
}

/** How a column's values read, guessed from its name (money columns end in _usd, sales, amount…). */
export function formatOfColumn(column: string): 'usd' | 'number' | 'percent' {
  if (/(_pct|percent|margin)$/i.test(column)) return 'percent';
  if (/(_usd|sales|revenue|amount|value|price|cost|profit)$/i.test(column)) return 'usd';
  return 'number';
}
