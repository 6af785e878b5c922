import { useMemo } from 'react';
import { Chart } from 'react-chartjs-2';
import { useColorScheme } from '../../lib/useColorScheme';
import { chartColors, type ChartColors } from './chart-setup';
import { buildData, buildOptions } from './chart-options';

export type ChartKind = 'bar' | 'line' | 'pie' | 'doughnut';

export interface Series {
  label: string;
  data: number[];
  /** This series' own value formats, when they differ from the chart's (dollars next to counts). */
  format?: (value: number) => string;
  axisFormat?: (value: number) => string;
}

export interface ChartViewProps {
  kind: ChartKind;
  labels: string[];
  series: Series[];
  horizontal?: boolean;
  /** How values read in tooltips; `axisFormat` for the value axis (defaults to the same). */
  format?: (value: number) => string;
  axisFormat?: (value: number) => string;
  height?: number;
  /** Clicking a bar or slice reports its label; the selected one stays bright, the rest dim. */
  onSelect?: (label: string) => void;
  selected?: string | null;
  /** Per-point colours for a single series (e.g. red for negative margins). */
  pointColors?: (value: number, index: number, colors: ChartColors) => string | undefined;
  ariaLabel: string;
  testId?: string;
}

/** Every chart of the console: one look, the OS colour scheme, formatted values. */
export function ChartView(props: ChartViewProps) {
  const scheme = useColorScheme();
  const colors = chartColors(scheme);
  const { kind, labels, series, horizontal, height = 260, ariaLabel, testId } = props;
  const data = useMemo(() => buildData(props, colors), [props, colors]);
  const options = useMemo(() => buildOptions(props, colors), [props, colors]);
  const isEmpty = labels.length === 0 || series.length === 0;

  return (
    <div
      className="chart-box"
      style={{ height }}
      data-testid={testId}
      data-kind={kind}
      data-horizontal={horizontal || undefined}
    >
      {isEmpty ? (
        <div className="chart-empty">Nothing to draw</div>
      ) : (
        <Chart type={kind} data={data} options={options} role="img" aria-label={ariaLabel} />
      )}
    </div>
  );
}
