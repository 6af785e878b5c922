import type { OpenedChart } from '@shared/bundles.schema';
import { ChartView } from '../../../components/chart/ChartView';
import { Panel } from '../../../components/Layout';
import { bundleChartData } from './chart-series';

/** The report's charts, drawn again here from the rows the bundle carries (not from its PNGs). */
export function BundleCharts({ charts }: { charts: OpenedChart[] }) {
  if (charts.length === 0) return null;
  return (
    <div className="bundle-charts" data-testid="bundle-charts">
      {charts.map((chart, index) => (
        <Panel
          key={chart.id}
          title={chart.title}
          // An odd last chart takes the full row rather than leaving a hole.
          className={index === charts.length - 1 && charts.length % 2 === 1 ? 'span-2' : undefined}
          testId="bundle-chart"
        >
          <BundleChart chart={chart} />
        </Panel>
      ))}
    </div>
  );
}

function BundleChart({ chart }: { chart: OpenedChart }) {
  const data = bundleChartData(chart);
  if (data.missing.length > 0) {
    return <p className="muted">The bundled table has no column {data.missing.join(', ')} to draw.</p>;
  }
  const { spec } = chart;
  return (
    <ChartView
      kind={spec.type}
      labels={data.labels}
      series={data.series}
      horizontal={spec.horizontal}
      format={data.format}
      axisFormat={data.axisFormat}
      height={spec.horizontal ? Math.max(260, data.labels.length * 22 + 60) : 260}
      ariaLabel={chart.title}
      testId={`bundle-chart-${chart.id}`}
    />
  );
}
