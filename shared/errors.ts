import { z } from 'zod';

/**
 * Error codes every front door understands. A code says what kind of failure it was, so the UI and
 * the CLI can choose an exit code or a remedy without parsing messages.
 */
export const ErrorCode = z.enum([
  'BAD_INPUT', // the call's input failed its schema, or named something that makes no sense
  'NOT_FOUND', // a file, table, job, saved query or workspace that does not exist
  'NO_WORKSPACE', // the call needs an open workspace and none is open
  'INVALID_DATA', // the data itself broke a rule (validation findings, unparseable file)
  'QUERY_FAILED', // the engine rejected or failed a query (syntax, missing table, …)
  'RUN_FAILED', // remote work ran and failed: a Glue crawl or an EMR step ended FAILED
  'CANCELLED', // the user cancelled the work
  'UNKNOWN_METHOD', // a front door was asked for a method the contract does not have
  'FORBIDDEN', // the caller is not allowed to make the call (untrusted sender, bad token)
  'IO', // the file system refused (permissions, full disk, vanished file)
  'SIGN_IN_REQUIRED', // an organisation's SSO sign-in is missing or expired: sign in (accounts.signIn)
  'AWS_ERROR', // AWS (or a custom endpoint) refused or failed a call: access denied, throttled, unreachable
  'INTERNAL', // a bug: something we did not expect; the message says what
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** What crosses a front door when a call fails: never a raw exception. */
export const LakeErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  /** What the person can do next. */
  hint: z.string().optional(),
});
export type LakeErrorShape = z.infer<typeof LakeErrorShape>;

/** Thrown inside the Node side; the router turns it into a {@link LakeErrorShape}. */
export class LakeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'LakeError';
  }

  toShape(): LakeErrorShape {
    return this.hint === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, hint: this.hint };
  }
}

/** The result of every call at a front door. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: LakeErrorShape };
