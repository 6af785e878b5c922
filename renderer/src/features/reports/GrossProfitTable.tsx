import type { ColDef } from 'ag-grid-community';
import type { GrossProfitRow } from '@shared/reports.schema';
import { DataGrid } from '../../components/grid/DataGrid';
import { formatCount, formatPercent, formatUsd } from '../../lib/format';

type Col = ColDef<GrossProfitRow>;

const money = (field: keyof GrossProfitRow, headerName: string): Col => ({
  field,
  headerName,
  type: 'rightAligned',
  filter: 'agNumberColumnFilter',
  valueFormatter: (p) => (typeof p.value === 'number' ? formatUsd(p.value) : ''),
});

const COLUMNS: Col[] = [
  { field: 'id', headerName: 'Company id' },
  { field: 'company_name', headerName: 'Company' },
  { field: 'country', headerName: 'Country' },
  { field: 'product_line', headerName: 'Product line' },
  { field: 'item', headerName: 'Item' },
  money('revenue_usd', 'Revenue'),
  {
    field: 'units_sold',
    headerName: 'Units',
    type: 'rightAligned',
    filter: 'agNumberColumnFilter',
    valueFormatter: (p) => (typeof p.value === 'number' ? formatCount(p.value) : ''),
  },
  money('cost_per_unit_usd', 'Cost / unit'),
  money('cogs_usd', 'COGS'),
  money('gross_profit_usd', 'Gross profit'),
  {
    field: 'gross_margin_pct',
    headerName: 'Margin',
    type: 'rightAligned',
    filter: 'agNumberColumnFilter',
    valueFormatter: (p) => (typeof p.value === 'number' ? formatPercent(p.value) : ''),
    cellClassRules: { 'cell-negative': (p) => typeof p.value === 'number' && p.value < 0 },
  },
];

/** One row per (company, item), ordered as the report orders them (id, item). */
export function GrossProfitTable({ rows }: { rows: GrossProfitRow[] }) {
  return (
    <DataGrid<GrossProfitRow>
      testId="gp-table"
      height={460}
      columnDefs={COLUMNS}
      rowData={rows}
      getRowId={(p) => `${p.data.id}\u0000${p.data.item}`}
      defaultColDef={{ minWidth: 100 }}
      isAutoFit
    />
  );
}
