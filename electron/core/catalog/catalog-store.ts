import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CatalogTable } from '@shared/catalog.schema';
import { writeFileAtomic } from '../atomic-file';
import { CsvDialect } from './csv-dialect';

/** A catalog table as stored: the contract's fields plus how to read its files. */
export const StoredTable = CatalogTable.extend({
  unionByName: z.boolean().optional(),
  csv: CsvDialect.optional(),
});
export type StoredTable = z.infer<typeof StoredTable>;

const StoredCatalog = z.object({
  version: z.literal(1),
  crawledAt: z.string(),
  tables: z.array(StoredTable),
});
export type StoredCatalog = z.infer<typeof StoredCatalog>;

/** Where a lake keeps its catalog. */
export function catalogPath(root: string): string {
  return join(root, '.lakedesk', 'catalog.json');
}

/**
 * The lake's stored catalog, or undefined when there is none or it cannot be read (then a crawl
 * rebuilds it; the catalog holds nothing a crawl cannot find again).
 */
export async function loadCatalog(root: string): Promise<StoredCatalog | undefined> {
  let text: string;
  try {
    text = await readFile(catalogPath(root), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = StoredCatalog.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether the lake folder is marked read-only (no write permission for anyone). Checked by mode, not by
 * trying: run as root, a write would succeed and change a folder its owner meant to keep as it is.
 */
export async function isMarkedReadOnly(root: string): Promise<boolean> {
  if (process.platform === 'win32') return false;
  const info = await stat(root);
  return (info.mode & 0o222) === 0;
}

/** Saves the catalog atomically: a crash leaves the old one, never half of the new one. */
export async function saveCatalog(root: string, catalog: StoredCatalog): Promise<void> {
  if (await isMarkedReadOnly(root)) throw new Error('the lake folder is read-only');
  await writeFileAtomic(catalogPath(root), `${JSON.stringify(catalog, null, 2)}\n`);
}
