import type { CatalogTable } from '@shared/catalog.schema';

export interface CatalogChanges {
  created: string[];
  updated: string[];
  deleted: string[];
}

// A table is updated when what a query sees changes: its columns, partitions, format or folder.
function shape(table: CatalogTable): string {
  return JSON.stringify([table.columns, table.partitionKeys, table.format, table.location]);
}

/** Tables created, updated (schema changed) and deleted between two crawls, by name, sorted. */
export function diffCatalogs(
  before: readonly CatalogTable[],
  after: readonly CatalogTable[],
): CatalogChanges {
  const old = new Map(before.map((t) => [t.name, t]));
  const now = new Map(after.map((t) => [t.name, t]));
  const created = [...now.keys()].filter((name) => !old.has(name));
  const deleted = [...old.keys()].filter((name) => !now.has(name));
  const updated = [...now.values()]
    .filter((t) => old.has(t.name) && shape(old.get(t.name)!) !== shape(t))
    .map((t) => t.name);
  return { created: created.sort(), updated: updated.sort(), deleted: deleted.sort() };
}
