import { LakeError, type LakeErrorShape } from '@shared/errors';
import { toErrorShape } from '../core/errors';
import { exitCodeFor } from './exit-codes';

/** With `--json`, stdout holds exactly one JSON document. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Prints an error for a person (stderr) or a program (one JSON document), and returns the exit code. */
export function reportError(error: unknown, json: boolean): number {
  const shape: LakeErrorShape = error instanceof LakeError ? error.toShape() : toErrorShape(error);
  if (json) {
    printJson({ ok: false, error: shape });
  } else {
    process.stderr.write(`error: ${shape.message}\n`);
    if (shape.hint) process.stderr.write(`hint: ${shape.hint}\n`);
  }
  return exitCodeFor(shape.code);
}
