import type { PageFilter } from '@shared/bundles.schema';

/** The grid's filter options that `reports.pageBundle` can run, and what each becomes there. */
const TEXT_OPS = {
  contains: 'contains',
  equals: 'eq',
  notEqual: 'ne',
  blank: 'isNull',
  notBlank: 'notNull',
} as const satisfies Record<string, PageFilter['op']>;
const NUMBER_OPS = {
  equals: 'eq',
  notEqual: 'ne',
  lessThan: 'lt',
  lessThanOrEqual: 'le',
  greaterThan: 'gt',
  greaterThanOrEqual: 'ge',
  blank: 'isNull',
  notBlank: 'notNull',
} as const satisfies Record<string, PageFilter['op']>;

/** Offered in the column menus: only options the core can answer (plus inRange, two bounds). */
export const TEXT_FILTER_OPTIONS = Object.keys(TEXT_OPS);
export const NUMBER_FILTER_OPTIONS = [...Object.keys(NUMBER_OPS), 'inRange'];

interface Condition {
  filterType?: string;
  type?: string;
  filter?: string | number | null;
  filterTo?: number | null;
}

interface Combined {
  operator: 'AND' | 'OR';
  conditions: Condition[];
}

function conditionFilters(column: string, c: Condition): PageFilter[] {
  const type = c.type ?? '';
  const value = c.filter ?? undefined;
  if (c.filterType === 'number' && type === 'inRange') {
    if (typeof value !== 'number' || typeof c.filterTo !== 'number') return [];
    return [
      { column, op: 'ge', value },
      { column, op: 'le', value: c.filterTo },
    ];
  }
  const ops: Record<string, PageFilter['op']> = c.filterType === 'number' ? NUMBER_OPS : TEXT_OPS;
  const op = ops[type];
  if (!op) return [];
  if (op === 'isNull' || op === 'notNull') return [{ column, op }];
  // A condition whose value is still being typed filters nothing yet.
  if (value === undefined || value === '') return [];
  return [{ column, op, value }];
}

/**
 * ag-grid's filter model as `reports.pageBundle` filters, all ANDed. The column menus offer one
 * condition each; an OR of two (should one arrive) cannot be expressed and is left out rather than
 * narrowed wrongly.
 */
export function toPageFilters(model: Record<string, unknown>): PageFilter[] {
  return Object.entries(model).flatMap(([column, raw]) => {
    if (!raw || typeof raw !== 'object') return [];
    if ('conditions' in raw) {
      const combined = raw as Combined;
      if (combined.operator !== 'AND') return [];
      return combined.conditions.flatMap((c) => conditionFilters(column, c));
    }
    return conditionFilters(column, raw as Condition);
  });
}
