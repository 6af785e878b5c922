import type { ChartData, ChartOptions } from 'chart.js';
import { withAlpha, type ChartColors } from './chart-setup';
import type { ChartKind, ChartViewProps, Series } from './ChartView';

/** Two series this far apart in size cannot share an axis: the smaller one would lie flat at 0. */
const SECOND_AXIS_RATIO = 20;

export function isRound(kind: ChartKind): boolean {
  return kind === 'pie' || kind === 'doughnut';
}

const peak = (s: Series | undefined) => Math.max(0, ...(s?.data ?? []).map((v) => Math.abs(v)));

/** Whether the second series gets its own axis on the right (orders next to revenue, say). */
export function needsSecondAxis(props: Pick<ChartViewProps, 'kind' | 'series' | 'horizontal'>): boolean {
  if (isRound(props.kind) || props.horizontal || props.series.length !== 2) return false;
  const [a, b] = [peak(props.series[0]), peak(props.series[1])];
  if (a === 0 || b === 0) return false;
  return Math.max(a, b) / Math.min(a, b) > SECOND_AXIS_RATIO;
}

export function buildData(props: ChartViewProps, colors: ChartColors): ChartData {
  const { kind, labels, series, selected, pointColors } = props;
  const palette = colors.series;
  const twoAxes = needsSecondAxis(props);
  const dim = (color: string, index: number) =>
    selected && labels[index] !== selected ? withAlpha(color, 0.3) : color;
  return {
    labels,
    datasets: series.map((s, seriesIndex) => {
      const base = palette[seriesIndex % palette.length] ?? colors.text;
      if (isRound(kind)) {
        return {
          label: s.label,
          data: s.data,
          backgroundColor: s.data.map((_, i) => dim(palette[i % palette.length] ?? base, i)),
          borderColor: colors.surface,
          borderWidth: 2,
        };
      }
      if (kind === 'line') {
        return {
          label: s.label,
          data: s.data,
          yAxisID: twoAxes && seriesIndex === 1 ? 'y1' : 'y',
          borderColor: base,
          backgroundColor: withAlpha(base, 0.12),
          fill: series.length === 1,
          tension: 0.25,
          pointRadius: labels.length > 40 ? 0 : 3,
          borderWidth: 2,
        };
      }
      return {
        label: s.label,
        data: s.data,
        yAxisID: twoAxes && seriesIndex === 1 ? 'y1' : undefined,
        backgroundColor: s.data.map((v, i) => dim(pointColors?.(v, i, colors) ?? base, i)),
        borderRadius: 3,
        maxBarThickness: 42,
      };
    }),
  } as ChartData;
}

export function buildOptions(props: ChartViewProps, colors: ChartColors): ChartOptions {
  const { kind, series, horizontal, onSelect, labels } = props;
  const plain = (v: number) => v.toLocaleString('en-US');
  const formatOf = (i: number) => series[i]?.format ?? props.format ?? plain;
  const axisFormatOf = (i: number) => series[i]?.axisFormat ?? props.axisFormat ?? formatOf(i);
  const round = isRound(kind);
  const twoAxes = needsSecondAxis(props);
  const valueAxisFor = (i: number) => ({
    grid: { color: colors.grid, drawOnChartArea: i === 0 },
    border: { display: false },
    ticks: {
      color: colors.muted,
      maxRotation: 0,
      callback: (value: string | number) => axisFormatOf(i)(Number(value)),
    },
    beginAtZero: true,
    title: twoAxes ? { display: true, text: series[i]?.label, color: colors.muted } : undefined,
  });
  const valueAxis = valueAxisFor(0);
  const categoryAxis = {
    grid: { display: false },
    border: { color: colors.grid },
    // Horizontal bars get a row per label (the caller sizes the chart), so every label can show.
    ticks: { color: colors.muted, autoSkip: !horizontal, maxRotation: 0 },
  };
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: {
      // Marks the box once the chart is fully drawn, for tests and screenshots to wait on.
      onComplete: (event) => event.chart.canvas.parentElement?.setAttribute('data-rendered', 'true'),
    },
    indexAxis: horizontal ? 'y' : 'x',
    // A clickable chart takes the whole category column as the target, not just the bar's pixels.
    interaction: onSelect ? { mode: 'index', intersect: false } : undefined,
    onClick: onSelect
      ? (_event, elements) => {
          const index = elements[0]?.index;
          const label = index === undefined ? undefined : labels[index];
          if (label !== undefined) onSelect(label);
        }
      : undefined,
    onHover: onSelect
      ? (event, elements) => {
          const target = event.native?.target as HTMLElement | undefined;
          if (target) target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
        }
      : undefined,
    plugins: {
      legend: {
        display: round || series.length > 1,
        position: round ? 'right' : 'top',
        labels: { color: colors.text, boxWidth: 12, boxHeight: 12 },
      },
      tooltip: {
        callbacks: {
          label: (item) => {
            const raw = typeof item.raw === 'number' ? item.raw : Number(item.raw);
            const name = round ? item.label : item.dataset.label;
            return `${name}: ${formatOf(round ? 0 : item.datasetIndex)(raw)}`;
          },
        },
      },
    },
    scales: round
      ? {}
      : horizontal
        ? { x: valueAxis, y: categoryAxis }
        : {
            x: categoryAxis,
            y: valueAxis,
            ...(twoAxes ? { y1: { ...valueAxisFor(1), position: 'right' } } : {}),
          },
  } as ChartOptions;
}
