import { ZodError } from 'zod';
import { LakeError, type LakeErrorShape } from '@shared/errors';

/** Node's errno codes a person can act on, with what to tell them. */
const fsErrors: Record<string, { code: LakeErrorShape['code']; hint: string }> = {
  ENOENT: { code: 'NOT_FOUND', hint: 'Check that the file or folder exists and the path is spelled right.' },
  EACCES: { code: 'IO', hint: 'Check the file permissions, or choose a folder you can read and write.' },
  EPERM: { code: 'IO', hint: 'Check the file permissions, or choose a folder you can read and write.' },
  ENOSPC: { code: 'IO', hint: 'The disk is full: free some space and try again.' },
  EISDIR: { code: 'BAD_INPUT', hint: 'A folder was given where a file was expected.' },
  ENOTDIR: { code: 'BAD_INPUT', hint: 'A file was given where a folder was expected.' },
};

/** Turns anything thrown inside the core into the shape that crosses a front door. */
export function toErrorShape(error: unknown): LakeErrorShape {
  if (error instanceof LakeError) return error.toShape();
  if (error instanceof ZodError) {
    const issues = error.issues
      .slice(0, 5)
      .map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`)
      .join('; ');
    return { code: 'BAD_INPUT', message: `Invalid input — ${issues}` };
  }
  if (error instanceof Error && error.name === 'AbortError') {
    return { code: 'CANCELLED', message: 'Cancelled.' };
  }
  const errno = (error as { code?: unknown } | null)?.code;
  if (typeof errno === 'string' && fsErrors[errno]) {
    const path = (error as { path?: unknown }).path;
    const where = typeof path === 'string' ? `: ${path}` : '';
    return { ...fsErrors[errno], message: `${(error as Error).message.split(',')[0]}${where}` };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'INTERNAL',
    message,
    hint: 'This is a bug in Lakedesk; please report it with this message.',
  };
}

/** The error to throw when work is cancelled. */
export function cancelledError(): LakeError {
  return new LakeError('CANCELLED', 'Cancelled.');
}
