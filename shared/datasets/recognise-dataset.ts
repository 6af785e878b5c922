import type { DatasetContract } from '../storage.schema';
import { builtInDatasets } from './built-in-datasets';

/**
 * How alike a header must be to a contract's columns (shared ÷ all distinct names) to count as that
 * dataset. Without a floor, any CSV with an `item` column would pass for `production_costs`.
 */
const MIN_SIMILARITY = 0.5;

/**
 * The dataset a CSV header belongs to: among the contracts whose required columns the header has
 * all of, the one whose columns overlap the header most. A header one column short (or one extra)
 * is still recognised, so validation can then name the missing or unknown column.
 */
export function recogniseDataset(
  header: readonly string[],
  contracts: readonly DatasetContract[] = builtInDatasets,
): DatasetContract | undefined {
  const names = new Set(header.map((h) => h.replace(/^\uFEFF/, '')));
  let best: DatasetContract | undefined;
  let bestScore = 0;
  for (const contract of contracts) {
    const columns = contract.columns.map((c) => c.name);
    const hasRequired = contract.columns.every((c) => !c.required || names.has(c.name));
    if (!hasRequired) continue;
    const shared = columns.filter((c) => names.has(c)).length;
    const score = shared / new Set([...columns, ...names]).size;
    if (score >= MIN_SIMILARITY && score > bestScore) {
      best = contract;
      bestScore = score;
    }
  }
  return best;
}
