import type { ErrorCode } from '@shared/errors';

/** 0 done; 1 the work found a problem; 2 usage or environment error (ARCHITECTURE.md). */
export const EXIT_OK = 0;
export const EXIT_PROBLEM = 1;
export const EXIT_USAGE = 2;

const problemCodes: ReadonlySet<ErrorCode> = new Set([
  'INVALID_DATA',
  'QUERY_FAILED',
  'RUN_FAILED',
  'CANCELLED',
]);

export function exitCodeFor(code: ErrorCode): number {
  return problemCodes.has(code) ? EXIT_PROBLEM : EXIT_USAGE;
}
