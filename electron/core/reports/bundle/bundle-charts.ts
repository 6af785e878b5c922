import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BundleChart } from '@shared/bundle-manifest.schema';
import type { Cell } from '@shared/results.schema';
import type { DuckDbQueryEngine } from '../../engine/duckdb-query-engine';
import { quoteIdent } from '../../engine/sql-text';
import type { ChartPlan } from './bundle-content';
import { chartSize } from './chart-config';
import { renderChartPng } from './chart-png';

/** A chart drawn for the bundle: its manifest entry, and what the PDF summary embeds. */
export interface DrawnChart {
  entry: BundleChart;
  specFile: string;
  pngFile?: string;
  png?: Buffer;
  width: number;
  height: number;
}

/** The rows a chart draws: its x and y columns, the table's first `rowLimit` rows, for display. */
export async function chartRows(
  engine: DuckDbQueryEngine,
  chart: Pick<ChartPlan, 'table' | 'spec' | 'rowLimit'>,
): Promise<{ columns: Array<{ name: string; type: string }>; rows: Cell[][] }> {
  const columns = [chart.spec.x, ...chart.spec.y].map(quoteIdent).join(', ');
  const sql = `SELECT ${columns} FROM ${quoteIdent(chart.table)} LIMIT ${Math.trunc(chart.rowLimit)}`;
  return engine.query(sql);
}

/**
 * Draws each chart from the staged tables and writes its spec (JSON) and image (PNG). A chart that
 * cannot be drawn (no native canvas on this machine) is still bundled as a spec, with a note, so the
 * app can draw it when the bundle is opened.
 */
export async function drawCharts(
  engine: DuckDbQueryEngine,
  dir: string,
  plans: readonly ChartPlan[],
  notes: string[],
): Promise<DrawnChart[]> {
  const drawn: DrawnChart[] = [];
  for (const plan of plans) {
    const { rows } = await chartRows(engine, plan);
    const specPath = `charts/${plan.id}.json`;
    const size = chartSize(plan, rows.length);
    let png: Buffer | undefined;
    try {
      png = await renderChartPng(plan, rows);
    } catch (error) {
      notes.push(`Chart "${plan.title}" has no image: ${(error as Error).message.split('\n')[0]}`);
    }
    const entry: BundleChart = { ...plan, specPath, ...(png ? { png: `charts/${plan.id}.png` } : {}) };
    const specFile = join(dir, `chart-${plan.id}.json`);
    await writeFile(specFile, `${JSON.stringify(entry, null, 2)}\n`);
    let pngFile: string | undefined;
    if (png) {
      pngFile = join(dir, `chart-${plan.id}.png`);
      await writeFile(pngFile, png);
    }
    drawn.push({ entry, specFile, ...(pngFile ? { pngFile } : {}), ...(png ? { png } : {}), ...size });
  }
  return drawn;
}
