import { AgGridReact, type AgGridReactProps } from 'ag-grid-react';
import type { CellKeyDownEvent, ColDef, GridApi } from 'ag-grid-community';
import { useCallback, useRef } from 'react';
import { gridTheme } from './grid-setup';
import { cellText } from './columns';

const DEFAULT_COL_DEF: ColDef<unknown> = {
  sortable: true,
  resizable: true,
  filter: true,
  minWidth: 80,
};

const SCROLLBAR_ALLOWANCE = 18;

export type DataGridProps<T> = AgGridReactProps<T> & {
  testId?: string;
  /**
   * Size columns to their contents (headers included) once data shows, then stretch them to the
   * grid's width if they leave it half empty. Runs again when a hidden grid is first shown.
   */
  isAutoFit?: boolean;
  /** CSS height of the grid box; defaults to filling its flex parent. */
  height?: number | string;
  onGridApi?: (api: GridApi<T>) => void;
};

/**
 * The one ag-grid wrapper: our theme, sortable/resizable/filterable columns, text selection for
 * copying, and Ctrl/Cmd+C on a focused cell.
 */
export function DataGrid<T>({
  testId,
  height,
  isAutoFit,
  onGridApi,
  defaultColDef,
  onGridReady,
  ...props
}: DataGridProps<T>) {
  const hostRef = useRef<HTMLDivElement>(null);
  // Fitted once; after that the person's own column widths win.
  const hasFitted = useRef(false);
  const fit = useCallback((api: GridApi<T>) => {
    const width = hostRef.current?.clientWidth ?? 0;
    // A hidden grid measures nothing: wait until it is shown (onGridSizeChanged fires then).
    if (width === 0 || api.isDestroyed() || api.getDisplayedRowCount() === 0) return;
    hasFitted.current = true;
    api.autoSizeAllColumns();
    // Measure after the grid has laid out again: a vertical scrollbar may have appeared.
    requestAnimationFrame(() => {
      if (api.isDestroyed()) return;
      const used = api.getAllDisplayedColumns().reduce((sum, column) => sum + column.getActualWidth(), 0);
      // Leave room for a vertical scrollbar, which the infinite row model adds after measuring.
      if (used < width - 24) api.sizeColumnsToFit(width - SCROLLBAR_ALLOWANCE);
    });
  }, []);

  const onCellKeyDown = useCallback((event: CellKeyDownEvent<T>) => {
    const key = event.event as KeyboardEvent | null | undefined;
    if (!key || !(key.ctrlKey || key.metaKey) || key.key.toLowerCase() !== 'c') return;
    // A text selection is copied by the browser itself; only copy the cell when there is none.
    if (window.getSelection()?.toString()) return;
    const formatted: unknown = event.api.getCellValue({
      rowNode: event.node,
      colKey: event.column,
      useFormatter: true,
    });
    const text = cellText(formatted ?? event.value);
    void navigator.clipboard?.writeText(text).catch(() => undefined);
  }, []);

  return (
    <div
      ref={hostRef}
      className="grid-host"
      data-testid={testId}
      style={height === undefined ? undefined : { height, flex: 'none' }}
    >
      <AgGridReact<T>
        theme={gridTheme}
        defaultColDef={{ ...(DEFAULT_COL_DEF as ColDef<T>), ...defaultColDef }}
        enableCellTextSelection
        ensureDomOrder
        tooltipShowDelay={400}
        onCellKeyDown={onCellKeyDown}
        onGridReady={(event) => {
          onGridApi?.(event.api);
          onGridReady?.(event);
        }}
        onFirstDataRendered={isAutoFit ? (event) => fit(event.api) : undefined}
        onGridSizeChanged={isAutoFit ? (event) => !hasFitted.current && fit(event.api) : undefined}
        {...props}
      />
    </div>
  );
}
