import { gzipSync } from 'node:zlib';
import type { StepRunOutput } from './emr-gross-profit';
import type { ClusterRecord, StepRecord } from './emr-store';
import type { S3Data } from './s3-data';

/** Where EMR copies a step's logs: `<LogUri>/<cluster id>/steps/<step id>/`. */
export function stepLogPrefix(cluster: ClusterRecord, step: StepRecord): string {
  const base = cluster.LogUri.endsWith('/') ? cluster.LogUri : `${cluster.LogUri}/`;
  return `${base.replace(/^s3n:/, 's3:')}${cluster.Id}/steps/${step.Id}/`;
}

/** stderr.gz, stdout.gz and controller.gz under the LogUri, gzipped as EMR writes them. */
export async function writeStepLogs(
  s3: S3Data | undefined,
  cluster: ClusterRecord,
  step: StepRecord,
  out: StepRunOutput,
): Promise<void> {
  if (!s3 || !cluster.LogUri) return;
  const prefix = stepLogPrefix(cluster, step);
  const controller = `INFO startExec 'hadoop jar ${step.Config.Jar} ${step.Config.Args.join(' ')}'\n`;
  await s3.put(`${prefix}stderr.gz`, gzipSync(out.stderr));
  await s3.put(`${prefix}stdout.gz`, gzipSync(out.stdout));
  await s3.put(`${prefix}controller.gz`, gzipSync(controller));
}
