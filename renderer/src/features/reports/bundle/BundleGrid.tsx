import { useMemo, useState } from 'react';
import type { ColDef, IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { LakeErrorShape } from '@shared/errors';
import type { Cell, ColumnInfo } from '@shared/results.schema';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { DataGrid } from '../../../components/grid/DataGrid';
import { columnDefsFor, isNumericType } from '../../../components/grid/columns';
import { formatCount } from '../../../lib/format';
import { useLake } from '../../../lib/LakeProvider';
import { toErrorShape } from '../../../lib/lake-error';
import { NUMBER_FILTER_OPTIONS, TEXT_FILTER_OPTIONS, toPageFilters } from './page-filters';

export type GridTarget = { table: string } | { resultId: string };

const BLOCK_SIZE = 200;

/**
 * A bundled table (or a result of the report's SQL box) read page by page from
 * `reports.pageBundle`: sorting and column filters run in the bundle's DuckDB over every row, so
 * the grid never needs the whole table and its counts are the table's, not the page's.
 */
export function BundleGrid({
  bundleId,
  target,
  columns,
  rowCount,
  height = 420,
  testId,
}: {
  bundleId: string;
  target: GridTarget;
  columns: ColumnInfo[];
  rowCount: number;
  height?: number;
  testId: string;
}) {
  const lake = useLake();
  const [matching, setMatching] = useState(rowCount);
  const [error, setError] = useState<LakeErrorShape>();
  const targetKey = JSON.stringify(target);

  const columnDefs = useMemo(
    () =>
      columnDefsFor(columns).map((def, i): ColDef<Cell[]> => ({
        ...def,
        filterParams: {
          filterOptions: isNumericType(columns[i]?.type ?? '') ? NUMBER_FILTER_OPTIONS : TEXT_FILTER_OPTIONS,
          maxNumConditions: 1,
        },
      })),
    [columns],
  );

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows(params: IGetRowsParams) {
        const sort = params.sortModel.map((s) => ({ column: s.colId, direction: s.sort }));
        const filters = toPageFilters((params.filterModel ?? {}) as Record<string, unknown>);
        lake
          .call('reports.pageBundle', {
            bundleId,
            target: JSON.parse(targetKey) as GridTarget,
            offset: params.startRow,
            limit: params.endRow - params.startRow,
            sort,
            filters,
          })
          .then(
            (page) => {
              setError(undefined);
              setMatching(page.rowCount);
              params.successCallback(page.rows, page.rowCount);
            },
            (e: unknown) => {
              setError(toErrorShape(e));
              params.failCallback();
            },
          );
      },
    }),
    [lake, bundleId, targetKey],
  );

  return (
    <div className="bundle-grid" data-testid={testId} data-row-count={matching}>
      {error && <ErrorBanner error={error} compact onDismiss={() => setError(undefined)} />}
      <DataGrid<Cell[]>
        testId={`${testId}-grid`}
        height={height}
        rowModelType="infinite"
        datasource={datasource}
        columnDefs={columnDefs}
        cacheBlockSize={BLOCK_SIZE}
        maxBlocksInCache={50}
        infiniteInitialRowCount={Math.min(rowCount, BLOCK_SIZE)}
        isAutoFit
      />
      <div className="bundle-grid-foot muted" data-testid={`${testId}-count`}>
        {matching === rowCount
          ? `${formatCount(rowCount)} row${rowCount === 1 ? '' : 's'}`
          : `${formatCount(matching)} of ${formatCount(rowCount)} rows match the filters`}
        {' · sorting and filters run over every row'}
      </div>
    </div>
  );
}
