import { join } from 'node:path';
import { produceFileAtomic } from '../atomic-file';
import { cancelledError } from '../errors';
import type { LocalLake } from '../engine/lake-engines';
import { writeResultCsv } from '../engine/result-export';
import { quoteLiteral } from '../engine/sql-text';
import { requireSavedQuery } from '../queries/require-saved-query';
import type { JobOutcome, JobStep } from './lake-job-types';

const CSV_PATH = 'curated/gross_profit/gross_profit.csv';
const PARQUET_PATH = 'curated/gross_profit/gross_profit.parquet';

/**
 * The local twin of the EMR gross-profit step: the same gross-profit SQL, written to curated/ as CSV
 * and Parquet, each file whole or not at all.
 */
export async function runGrossProfitJob(
  lake: LocalLake,
  signal: AbortSignal,
  step: JobStep,
): Promise<JobOutcome> {
  step(0, 3, 'computing gross profit');
  const result = await lake.engine.run({ sql: requireSavedQuery('gross-profit').sql, params: {} }, signal);
  try {
    step(1, 3, `writing ${CSV_PATH}`);
    await writeResultCsv(lake.engine, result.resultId, join(lake.root, CSV_PATH), signal);
    step(2, 3, `writing ${PARQUET_PATH}`);
    const table = lake.engine.resultTable(result.resultId);
    await produceFileAtomic(join(lake.root, PARQUET_PATH), async (temp) => {
      if (signal.aborted) throw cancelledError();
      await lake.engine.exec(
        [`COPY (SELECT * FROM ${table} ORDER BY rowid) TO ${quoteLiteral(temp)} (FORMAT parquet)`],
        signal,
      );
    });
    step(3, 3, 'done');
    return { outputs: [CSV_PATH, PARQUET_PATH], counts: { rows: result.rowCount } };
  } finally {
    await lake.engine.discard(result.resultId);
  }
}
