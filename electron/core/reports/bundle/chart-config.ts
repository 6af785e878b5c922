import type { ChartConfiguration, Plugin } from 'chart.js';
import type { ValueFormat } from '@shared/bundle-manifest.schema';
import type { Cell } from '@shared/results.schema';
import type { ChartPlan } from './bundle-content';

/** The console's light palette (renderer/src/components/chart/chart-setup.ts), so PNGs look like the app. */
const COLORS = {
  series: ['#2f6fdf', '#13a095', '#e08a1e', '#8457d6', '#d64f6e', '#4f9d3a', '#5a6b82', '#b89500'],
  text: '#1c2430',
  muted: '#5d6878',
  grid: '#e8ebf0',
  surface: '#ffffff',
};
const LOCALE = 'en-US';
const usd = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'USD' });
const usdCompact = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
});
const usdWhole = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const plain = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });

/** A value as the chart's axis shows it. */
export function axisText(value: number, format: ValueFormat): string {
  if (format === 'usd') {
    if (Math.abs(value) >= 1000) return usdCompact.format(value);
    return Number.isInteger(value) ? usdWhole.format(value) : usd.format(value);
  }
  if (format === 'percent') return `${plain.format(value)} %`;
  return plain.format(value);
}

function toNumber(cell: Cell | undefined): number {
  const value = typeof cell === 'number' ? cell : Number(cell);
  return Number.isFinite(value) ? value : 0;
}

const peak = (data: number[]) => Math.max(0, ...data.map((v) => Math.abs(v)));

/** The canvas size for a chart, in CSS pixels: horizontal bars get a row per category. */
export function chartSize(plan: ChartPlan, rows: number): { width: number; height: number } {
  if (plan.spec.horizontal) return { width: 760, height: Math.max(320, 90 + rows * 22) };
  return { width: 760, height: 380 };
}

/** Paints the background white: a PNG is otherwise transparent, and black in some viewers. */
export const whiteBackground: Plugin = {
  id: 'lakedesk-background',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = COLORS.surface;
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

interface Series {
  label: string;
  format: ValueFormat;
  data: number[];
}

/** Two series this far apart in size cannot share an axis (as in the app's ChartView). */
function needsSecondAxis(plan: ChartPlan, series: Series[]): boolean {
  const kind = plan.spec.type;
  if (kind === 'pie' || kind === 'doughnut' || plan.spec.horizontal || series.length !== 2) return false;
  const [a, b] = [peak(series[0]!.data), peak(series[1]!.data)];
  return a > 0 && b > 0 && Math.max(a, b) / Math.min(a, b) > 20;
}

function datasetFor(kind: ChartPlan['spec']['type'], s: Series, i: number, twoAxes: boolean, points: number) {
  const palette = COLORS.series;
  const color = palette[i % palette.length]!;
  if (kind === 'pie' || kind === 'doughnut') {
    const slices = s.data.map((_, j) => palette[j % palette.length]!);
    return {
      label: s.label,
      data: s.data,
      backgroundColor: slices,
      borderColor: COLORS.surface,
      borderWidth: 2,
    };
  }
  const yAxisID = twoAxes && i === 1 ? 'y1' : 'y';
  if (kind === 'line') {
    return {
      label: s.label,
      data: s.data,
      yAxisID,
      borderColor: color,
      backgroundColor: `${color}1f`,
      fill: !twoAxes && i === 0,
      // Monotone curves never overshoot a point: a smooth line must not invent a peak.
      cubicInterpolationMode: 'monotone',
      pointRadius: points > 40 ? 0 : 3,
      borderWidth: 2,
    };
  }
  return {
    label: s.label,
    data: s.data,
    yAxisID,
    backgroundColor: color,
    borderRadius: 3,
    maxBarThickness: 42,
  };
}

function scalesFor(plan: ChartPlan, series: Series[], twoAxes: boolean) {
  const { type, horizontal } = plan.spec;
  if (type === 'pie' || type === 'doughnut') return {};
  const valueAxis = (i: number) => ({
    grid: { color: COLORS.grid, drawOnChartArea: i === 0 },
    border: { display: false },
    beginAtZero: true,
    ticks: {
      color: COLORS.muted,
      callback: (v: string | number) => axisText(Number(v), series[i]?.format ?? 'number'),
    },
    title: twoAxes ? { display: true, text: series[i]?.label, color: COLORS.muted } : undefined,
  });
  const categoryAxis = {
    grid: { display: false },
    border: { color: COLORS.grid },
    ticks: { color: COLORS.muted, autoSkip: !horizontal, maxRotation: 45 },
  };
  if (horizontal) return { x: valueAxis(0), y: categoryAxis };
  return {
    x: categoryAxis,
    y: valueAxis(0),
    ...(twoAxes ? { y1: { ...valueAxis(1), position: 'right' } } : {}),
  };
}

/** The chart.js configuration that draws a bundled chart from its rows (x first, then each y). */
export function chartConfig(plan: ChartPlan, rows: Cell[][]): ChartConfiguration {
  const { spec } = plan;
  const round = spec.type === 'pie' || spec.type === 'doughnut';
  const labels = rows.map((row) => (row[0] === null || row[0] === undefined ? '(empty)' : String(row[0])));
  const firstFormat = plan.seriesFormats[spec.y[0] ?? ''] ?? 'number';
  // On paper nothing hovers: a pie's legend carries each slice's value.
  const shownLabels = round
    ? labels.map((l, i) => `${l}  ${axisText(toNumber(rows[i]?.[1]), firstFormat)}`)
    : labels;
  const series: Series[] = spec.y.map((name, i) => ({
    label: plan.seriesLabels[name] ?? name,
    format: plan.seriesFormats[name] ?? 'number',
    data: rows.map((row) => toNumber(row[i + 1])),
  }));
  const twoAxes = needsSecondAxis(plan, series);
  return {
    type: spec.type,
    data: {
      labels: shownLabels,
      datasets: series.map((s, i) => datasetFor(spec.type, s, i, twoAxes, labels.length)),
    },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: 2.5,
      indexAxis: spec.horizontal ? 'y' : 'x',
      layout: { padding: { top: 12, bottom: 12, left: 12, right: 28 } },
      plugins: {
        title: {
          display: true,
          text: plan.title,
          color: COLORS.text,
          font: { size: 16, weight: 'bold' },
          padding: { bottom: 12 },
        },
        legend: {
          display: round || series.length > 1,
          position: round ? 'right' : 'top',
          labels: { color: COLORS.text, boxWidth: 12, boxHeight: 12 },
        },
      },
      scales: scalesFor(plan, series, twoAxes),
    },
    plugins: [whiteBackground],
  } as ChartConfiguration;
}
