import { join } from 'node:path';
import type { LocalLake } from '../engine/lake-engines';
import { writeResultCsv } from '../engine/result-export';
import type { JobOutcome, JobStep } from './lake-job-types';
import { ordersRuleSql, ordersSource } from './orders-source';

const OUTPUT = 'processed/orders/orders.csv';

/** The calendar day `days` before `now`, in local time, as YYYY-MM-DD. */
export function daysBefore(now: Date, days: number): string {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() - days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/**
 * DOMAIN.md's orders rule into processed/: keep a row unless it is Pending or Cancelled and older
 * than `olderThanDays` days before today; rows whose date fits no accepted format are dropped and
 * counted. Dates are written as YYYY-MM-DD; everything else exactly as it came.
 */
export async function runProcessOrdersJob(
  lake: LocalLake,
  options: { olderThanDays: number; now: Date },
  signal: AbortSignal,
  step: JobStep,
): Promise<JobOutcome> {
  step(0, 3, 'reading orders');
  const source = await ordersSource(lake, signal);
  const cutoff = daysBefore(options.now, options.olderThanDays);
  const all = await lake.engine.run({ sql: ordersRuleSql(lake.root, source), params: { cutoff } }, signal);
  let kept: string | undefined;
  try {
    step(1, 3, 'applying the rule');
    const table = lake.engine.resultTable(all.resultId);
    const tally = await lake.engine.queryExact(
      `SELECT outcome, count(*) FROM ${table} GROUP BY outcome`,
      {},
      signal,
    );
    const counts: Record<string, number> = { kept: 0, filtered: 0, bad_date: 0 };
    for (const [outcome, count] of tally.rows) counts[outcome!] = Number(count);
    const keptSql = `SELECT order_id, customer_id, order_date, order_amount, order_status FROM ${table} WHERE outcome = 'kept' ORDER BY rowid`;
    kept = (await lake.engine.run({ sql: keptSql, params: {} }, signal)).resultId;
    step(2, 3, `writing ${OUTPUT}`);
    await writeResultCsv(lake.engine, kept, join(lake.root, OUTPUT), signal);
    step(3, 3, 'done');
    return { outputs: [OUTPUT], counts };
  } finally {
    await lake.engine.discard(all.resultId);
    if (kept) await lake.engine.discard(kept);
  }
}
