import { open } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { parseDate, recogniseDataset } from '@shared/datasets';
import { LakeError } from '@shared/errors';
import type { DatasetContract } from '@shared/storage.schema';

/** A CSV's header and first data row, read from its first bytes only. */
export interface CsvSniff {
  header: string[];
  firstRow?: string[];
}

const SNIFF_BYTES = 64 * 1024;
const TOKENS = new Set(['dataset', 'yyyy', 'mm', 'dd']);

export function isCsvName(name: string): boolean {
  return /\.csv$/i.test(name);
}

/** The header and first row of a CSV file; undefined when it is empty or not readable as CSV. */
export async function sniffCsv(path: string): Promise<CsvSniff | undefined> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    // Only whole lines: the last one may be cut by the 64 KiB window.
    const lines = bytesRead === SNIFF_BYTES ? text.slice(0, Math.max(0, text.lastIndexOf('\n'))) : text;
    const records = parse(lines, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      to: 2,
      skip_empty_lines: true,
    }) as string[][];
    const [header, firstRow] = records;
    return header ? { header, ...(firstRow ? { firstRow } : {}) } : undefined;
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/** The dataset a file holds: the one named, else recognised from its header. */
export function datasetOf(
  sniff: CsvSniff | undefined,
  datasets: readonly DatasetContract[],
  hint?: string,
): DatasetContract | undefined {
  if (hint !== undefined) {
    const named = datasets.find((d) => d.name === hint);
    if (!named)
      throw new LakeError(
        'BAD_INPUT',
        `Unknown dataset "${hint}".`,
        `Use one of: ${datasets.map((d) => d.name).join(', ')}.`,
      );
    return named;
  }
  return sniff ? recogniseDataset(sniff.header, datasets) : undefined;
}

/** {yyyy}/{mm}/{dd}: from the file's first date (a billing file's bill_date), else today (UTC). */
export function dateTokens(
  sniff: CsvSniff | undefined,
  dataset: DatasetContract | undefined,
  now: Date,
): Record<string, string> {
  const column = dataset?.columns.find((c) => c.type === 'date');
  const at =
    column && sniff?.firstRow ? sniff.header.findIndex((h) => h.replace(/^\uFEFF/, '') === column.name) : -1;
  const raw = at >= 0 ? sniff?.firstRow?.[at] : undefined;
  const iso = raw ? parseDate(raw.trim(), column?.dateFormats ?? []) : undefined;
  const [yyyy, mm, dd] = (iso ?? now.toISOString().slice(0, 10)).split('-');
  return { yyyy: yyyy!, mm: mm!, dd: dd! };
}

/** Fills `{dataset}`, `{yyyy}`, `{mm}`, `{dd}`; any other `{…}` is a mistake worth saying so. */
export function expandTemplate(template: string, tokens: Record<string, string>): string {
  const out = template.replace(/\{([^}]*)\}/g, (_m, name: string) => {
    if (!TOKENS.has(name)) {
      throw new LakeError(
        'BAD_INPUT',
        `The destination template "${template}" has an unknown field {${name}}.`,
        'Use {dataset}, {yyyy}, {mm} and {dd}.',
      );
    }
    const value = tokens[name];
    if (value === undefined) {
      throw new LakeError(
        'BAD_INPUT',
        `The destination template "${template}" needs a {${name}} this file does not have.`,
        'Name the dataset, or remove {dataset} from the template.',
      );
    }
    return value;
  });
  const prefix = out.replace(/^\/+/, '');
  return prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
}

/**
 * The key proposed for a file: the drop prefix, then the template (by default, for a drop on a
 * bucket's root, the dataset's own prefix such as `raw/billing/`), then the file's folders and name.
 */
export function proposeKey(
  dropPrefix: string,
  template: string | undefined,
  file: { name: string; relativeDir: string },
  dataset: DatasetContract | undefined,
  tokens: Record<string, string>,
): string {
  const chosen = template ?? (dropPrefix === '' && dataset ? dataset.defaultPrefix : '');
  const middle = expandTemplate(chosen, { ...tokens, ...(dataset ? { dataset: dataset.name } : {}) });
  return `${dropPrefix}${middle}${file.relativeDir}${file.name}`;
}
