import { LakeError } from '@shared/errors';
import type { ParamValues } from '@shared/queries.schema';

/** Commander's accumulator for a repeatable option (`--param a=1 --param b=2`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `--param name=value` pairs as query parameter values; a pair without a name is a usage error. */
export function parseParams(pairs: readonly string[]): ParamValues {
  const params: ParamValues = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) {
      throw new LakeError(
        'BAD_INPUT',
        `--param ${pair}: expected name=value.`,
        'For example: --param month=2025-02',
      );
    }
    params[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return params;
}
