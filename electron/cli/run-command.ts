import type { TransferServiceOptions } from '../core/transfers/transfer-service';
import { CliSession } from './cli-session';
import { EXIT_OK } from './exit-codes';
import { reportError } from './output';

export interface CommonOptions {
  json?: boolean;
  lake?: string;
  /** The transfer queue's journal and resuming (`lakedesk upload` keeps its own). */
  transfers?: TransferServiceOptions;
}

/**
 * Runs a command body with a CLI session, turning any failure into the right message and exit code.
 * The body returns the exit code (0 or 1); usage and environment errors become 2.
 */
export async function runWithSession(
  options: CommonOptions,
  body: (session: CliSession) => Promise<number | void>,
): Promise<void> {
  let session: CliSession | undefined;
  let code: number;
  try {
    session = await CliSession.open({
      ...(options.lake !== undefined ? { lake: options.lake } : {}),
      ...(options.transfers ? { transfers: options.transfers } : {}),
    });
    code = (await body(session)) ?? EXIT_OK;
  } catch (error) {
    code = reportError(error, Boolean(options.json));
  } finally {
    await session?.close().catch(() => undefined);
  }
  process.exitCode = code;
}
