import type { ErrorCode, LakeErrorShape } from '@shared/errors';

/** A failed call or job as the renderer sees it: the core's code, message and hint, never a stack. */
export class LakeCallError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(shape: LakeErrorShape) {
    super(shape.message);
    this.name = 'LakeCallError';
    this.code = shape.code;
    this.hint = shape.hint;
  }

  toShape(): LakeErrorShape {
    return this.hint === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, hint: this.hint };
  }
}

/** Turns anything thrown into a shape the error banner can show without leaking a stack trace. */
export function toErrorShape(error: unknown): LakeErrorShape {
  if (error instanceof LakeCallError) return error.toShape();
  if (error instanceof Error && error.name === 'AbortError') {
    return { code: 'CANCELLED', message: 'Cancelled.' };
  }
  return {
    code: 'INTERNAL',
    message: error instanceof Error ? error.message : 'Something went wrong in the console.',
    hint: 'Try again; if it keeps happening, restart Lakedesk and report what you did.',
  };
}

export function isCancelled(error: unknown): boolean {
  return error instanceof LakeCallError
    ? error.code === 'CANCELLED'
    : error instanceof Error && error.name === 'AbortError';
}
