/** A folder name as a SQL-friendly table name: lower case, letters, digits and underscores. */
export function tableNameFor(folderName: string): string {
  const name = folderName
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!name) return 'table';
  return /^\d/.test(name) ? `t_${name}` : name;
}

// The more refined zone keeps the bare name: KPIs read `orders`, which means processed/orders/
// once the orders job has run, not raw/orders/ (DOMAIN.md).
const zoneRank: Record<string, number> = { curated: 0, processed: 1, raw: 2 };

function rank(location: string): [number, number, string] {
  const segments = location.split('/').filter(Boolean);
  return [zoneRank[segments[0] ?? ''] ?? 3, segments.length, location];
}

function compareRank(a: string, b: string): number {
  const [za, da, la] = rank(a);
  const [zb, db, lb] = rank(b);
  return za - zb || da - db || (la < lb ? -1 : la > lb ? 1 : 0);
}

/**
 * A table name for each table folder (lake-relative location → name). A table is named after its
 * folder; when two folders share a name, the one in the most refined zone (curated, processed, raw,
 * then others; then the shallowest) keeps it and the others are named after their whole path.
 */
export function assignTableNames(locations: readonly string[]): Map<string, string> {
  const byBase = new Map<string, string[]>();
  for (const location of locations) {
    const segments = location.split('/').filter(Boolean);
    const base = tableNameFor(segments[segments.length - 1] ?? '');
    byBase.set(base, [...(byBase.get(base) ?? []), location]);
  }
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const [base, group] of byBase) {
    const [first, ...rest] = [...group].sort(compareRank);
    names.set(first!, base);
    taken.add(base);
    for (const location of rest) {
      let name = tableNameFor(location.split('/').filter(Boolean).join('_'));
      for (let n = 2; taken.has(name); n += 1) name = `${tableNameFor(location.split('/').join('_'))}_${n}`;
      names.set(location, name);
      taken.add(name);
    }
  }
  return names;
}
