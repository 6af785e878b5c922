import type { GrossProfitReport, GrossProfitRow } from '@shared/reports.schema';
import { ChartView } from '../../components/chart/ChartView';
import { Panel } from '../../components/Layout';
import { formatPercent, formatUsd, formatUsdCompact } from '../../lib/format';
import { companyItemLabel, marginExtremes, type GpFilter } from './gross-profit-derive';

const pct = (v: number) => formatPercent(v);

/** The report's charts; a bar in by-product-line or by-country filters the table below. */
export function GrossProfitCharts({
  report,
  filter,
  onFilter,
}: {
  report: GrossProfitReport;
  filter: GpFilter;
  onFilter: (filter: GpFilter) => void;
}) {
  const { top, bottom } = marginExtremes(report.rows);
  const toggle = (key: keyof GpFilter, value: string) =>
    onFilter({ ...filter, [key]: filter[key] === value ? null : value });

  return (
    <div className="gp-charts">
      <Panel
        title="Gross profit by product line"
        testId="chart-product-line"
        actions={
          <FilterPicker
            keys={report.byProductLine.map((r) => r.key)}
            value={filter.productLine}
            onPick={(v) => onFilter({ ...filter, productLine: v })}
            testId="filter-product-line"
          />
        }
      >
        <ChartView
          kind="bar"
          labels={report.byProductLine.map((r) => r.key)}
          series={[
            { label: 'Revenue', data: report.byProductLine.map((r) => r.revenue_usd) },
            { label: 'Gross profit', data: report.byProductLine.map((r) => r.gross_profit_usd) },
          ]}
          format={formatUsd}
          axisFormat={formatUsdCompact}
          onSelect={(label) => toggle('productLine', label)}
          selected={filter.productLine}
          ariaLabel="Revenue and gross profit by product line"
          testId="gp-product-line-chart"
        />
      </Panel>
      <Panel
        title="Gross profit by country"
        testId="chart-country"
        actions={
          <FilterPicker
            keys={report.byCountry.map((r) => r.key)}
            value={filter.country}
            onPick={(v) => onFilter({ ...filter, country: v })}
            testId="filter-country"
          />
        }
      >
        <ChartView
          kind="bar"
          labels={report.byCountry.map((r) => r.key)}
          series={[
            { label: 'Revenue', data: report.byCountry.map((r) => r.revenue_usd) },
            { label: 'Gross profit', data: report.byCountry.map((r) => r.gross_profit_usd) },
          ]}
          format={formatUsd}
          axisFormat={formatUsdCompact}
          onSelect={(label) => toggle('country', label)}
          selected={filter.country}
          ariaLabel="Revenue and gross profit by country"
          testId="gp-country-chart"
        />
      </Panel>
      <Panel title="Monthly revenue" className="span-2" testId="chart-monthly">
        <ChartView
          kind="line"
          labels={report.byMonth.map((m) => m.month)}
          series={[{ label: 'Revenue', data: report.byMonth.map((m) => m.revenue_usd) }]}
          format={formatUsd}
          axisFormat={formatUsdCompact}
          height={240}
          ariaLabel="Revenue by month of bill date"
          testId="gp-monthly-chart"
        />
      </Panel>
      <MarginChart title="Top 10 company-items by margin" rows={top} testId="chart-top-margin" />
      <MarginChart title="Bottom 10 company-items by margin" rows={bottom} testId="chart-bottom-margin" />
    </div>
  );
}

/** The same filter as a click on a bar, for the keyboard and screen readers (and with the state in view). */
function FilterPicker({
  keys,
  value,
  onPick,
  testId,
}: {
  keys: string[];
  value: string | null;
  onPick: (value: string | null) => void;
  testId: string;
}) {
  return (
    <span
      className="segmented"
      role="group"
      aria-label="Filter the table"
      data-testid={testId}
      title="Click a bar, or pick here, to filter the table"
    >
      {[null, ...keys].map((key) => (
        <button
          key={key ?? '(all)'}
          type="button"
          className={value === key ? 'segment active' : 'segment'}
          aria-pressed={value === key}
          onClick={() => onPick(key)}
        >
          {key ?? 'All'}
        </button>
      ))}
    </span>
  );
}

function MarginChart({ title, rows, testId }: { title: string; rows: GrossProfitRow[]; testId: string }) {
  return (
    <Panel title={title} testId={testId}>
      <ChartView
        kind="bar"
        horizontal
        labels={rows.map(companyItemLabel)}
        series={[{ label: 'Gross margin', data: rows.map((r) => r.gross_margin_pct) }]}
        format={pct}
        axisFormat={(v) => `${v} %`}
        pointColors={(value, _i, colors) => (value < 0 ? colors.negative : colors.series[1])}
        height={300}
        ariaLabel={title}
        testId={`${testId}-canvas`}
      />
    </Panel>
  );
}
