import { useMemo } from 'react';
import type { Cell, ColumnInfo } from '@shared/results.schema';
import { DataGrid } from './DataGrid';
import { columnDefsFor } from './columns';

/** A small rectangle of rows held in memory (previews, first pages): sort and filter run locally. */
export function RowSetGrid({
  columns,
  rows,
  testId,
  height,
}: {
  columns: ColumnInfo[];
  rows: Cell[][];
  testId?: string;
  height?: number | string;
}) {
  const columnDefs = useMemo(() => columnDefsFor(columns), [columns]);
  return (
    <DataGrid<Cell[]> testId={testId} height={height} columnDefs={columnDefs} rowData={rows} isAutoFit />
  );
}
