import type * as CanvasModule from '@napi-rs/canvas';
import type * as ChartJsModule from 'chart.js';
import type { Cell } from '@shared/results.schema';
import type { ChartPlan } from './bundle-content';
import { chartConfig, chartSize } from './chart-config';

type Canvas = typeof CanvasModule;
type ChartJs = typeof ChartJsModule;

let loaded: Promise<{ canvas: Canvas; chartjs: ChartJs }> | undefined;

/**
 * chart.js drawing on a Skia canvas (@napi-rs/canvas, prebuilt per platform in npm packages): the
 * same charts as the app's, drawn in plain Node, so the CLI and tests need no browser or display.
 * Loaded on first use, so a machine where the native canvas cannot load still opens and exports
 * reports (without chart images), and nothing pays for it at startup.
 */
function load(): Promise<{ canvas: Canvas; chartjs: ChartJs }> {
  loaded ??= Promise.all([import('@napi-rs/canvas'), import('chart.js')]).then(([canvas, chartjs]) => {
    chartjs.Chart.register(...chartjs.registerables);
    chartjs.Chart.defaults.font.family = '"DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif';
    chartjs.Chart.defaults.font.size = 13;
    chartjs.Chart.defaults.color = '#5d6878';
    return { canvas, chartjs };
  });
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}

/** Draws a chart as PNG bytes; `rows` hold the x column, then each y column, for display. */
export async function renderChartPng(plan: ChartPlan, rows: Cell[][]): Promise<Buffer> {
  const { canvas, chartjs } = await load();
  const { width, height } = chartSize(plan, rows.length);
  const config = chartConfig(plan, rows);
  const target = canvas.createCanvas(width, height);
  // chart.js takes any object with getContext('2d') when there is no DOM (its BasicPlatform).
  const chart = new chartjs.Chart(target as unknown as ConstructorParameters<ChartJs['Chart']>[0], config);
  try {
    return await target.encode('png');
  } finally {
    chart.destroy();
  }
}
