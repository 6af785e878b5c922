import { useMemo } from 'react';
import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { Cell, ColumnInfo } from '@shared/results.schema';
import { useLake } from '../../lib/LakeProvider';
import { DataGrid } from './DataGrid';
import { columnDefsFor } from './columns';

const BLOCK_SIZE = 500;

/**
 * A result of any size, read block by block from `queries.page` with ag-grid's infinite row
 * model: only the blocks in view are in memory, and sorting is done by the engine over the whole
 * result rather than by the grid over the rows it happens to hold. Column filters need every row,
 * so they are off here; small results use RowSetGrid, which filters locally.
 */
export function PagedGrid({
  resultId,
  columns,
  rowCount,
  firstRows,
  testId,
}: {
  resultId: string;
  columns: ColumnInfo[];
  rowCount: number;
  firstRows: Cell[][];
  testId?: string;
}) {
  const lake = useLake();
  const columnDefs = useMemo(() => columnDefsFor(columns, { filter: false }), [columns]);

  const datasource = useMemo<IDatasource>(
    () => ({
      rowCount,
      getRows(params: IGetRowsParams) {
        const sort = params.sortModel.map((s) => ({ column: s.colId, direction: s.sort }));
        const limit = params.endRow - params.startRow;
        // The first page came with the result: no round trip for the common small case.
        if (sort.length === 0 && params.startRow === 0 && firstRows.length >= Math.min(limit, rowCount)) {
          params.successCallback(firstRows.slice(0, limit), rowCount);
          return;
        }
        lake.call('queries.page', { resultId, offset: params.startRow, limit, sort }).then(
          (page) => params.successCallback(page.rows, page.rowCount),
          () => params.failCallback(),
        );
      },
    }),
    [lake, resultId, rowCount, firstRows],
  );

  return (
    <DataGrid<Cell[]>
      testId={testId}
      rowModelType="infinite"
      datasource={datasource}
      columnDefs={columnDefs}
      cacheBlockSize={BLOCK_SIZE}
      maxBlocksInCache={40}
      infiniteInitialRowCount={Math.min(rowCount, BLOCK_SIZE)}
      isAutoFit
    />
  );
}
