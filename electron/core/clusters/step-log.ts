import { gunzipSync } from 'node:zlib';
import type { StepLog } from '@shared/emr.schema';

/** Where EMR copies a step's logs: `<LogUri>/<cluster id>/steps/<step id>/<log>.gz`. */
export function stepLogUri(logUri: string, clusterId: string, stepId: string, log: StepLog['log']): string {
  const base = (logUri.endsWith('/') ? logUri : `${logUri}/`).replace(/^s3[an]:\/\//, 's3://');
  return `${base}${clusterId}/steps/${stepId}/${log}.gz`;
}

/** A log's text: gunzipped when gzip (EMR's are), only the last `tailBytes` (errors are at the end). */
export function decodeLog(bytes: Buffer, tailBytes: number): { text: string; truncated: boolean } {
  const isGzip = bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  const raw = isGzip ? gunzipSync(bytes) : bytes;
  if (raw.length <= tailBytes) return { text: raw.toString('utf8'), truncated: false };
  const tail = raw.subarray(raw.length - tailBytes).toString('utf8');
  // Start at a whole line: a cut-off first line only confuses.
  const firstBreak = tail.indexOf('\n');
  return { text: firstBreak >= 0 ? tail.slice(firstBreak + 1) : tail, truncated: true };
}

/** The last lines of a log, for an error message. */
export function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}

export const LOG_NOT_YET =
  'EMR copies step logs to S3 a few minutes after the step ends (and only when the cluster has a log location): look again shortly.';
