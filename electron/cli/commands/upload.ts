import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { LakeError } from '@shared/errors';
import type { TransferItem, TransferSnapshot } from '@shared/transfers.schema';
import { defaultAppHome } from '../../core/app-home';
import type { CliSession } from '../cli-session';
import { EXIT_OK, EXIT_PROBLEM } from '../exit-codes';
import { printJson } from '../output';
import { ProgressLine } from '../progress-line';
import { runWithSession } from '../run-command';
import { describeTransfers, formatBytes } from './upload-report';

export interface UploadOptions {
  to: string;
  profile?: string;
  dataset?: string;
  template?: string;
  kmsKey?: string;
  sse?: 'default' | 's3' | 'kms';
  onConflict?: 'skip' | 'overwrite' | 'keep-both';
  quarantine?: boolean;
  partSize?: string;
  concurrency?: string;
  json?: boolean;
}

const RESTING = new Set(['done', 'skipped', 'failed', 'cancelled', 'held', 'conflict', 'paused']);

function encryptionOf(o: UploadOptions) {
  if (o.kmsKey !== undefined || o.sse === 'kms')
    return { mode: 'sse-kms' as const, ...(o.kmsKey ? { kmsKeyId: o.kmsKey } : {}) };
  return { mode: o.sse === 's3' ? ('sse-s3' as const) : ('bucketDefault' as const) };
}

function whole(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new LakeError('BAD_INPUT', `${flag} must be a whole number, not "${value}".`);
  return n;
}

/** Waits until every transfer of `ids` rests, showing one progress line on a TTY. */
function waitForBatch(session: CliSession, ids: ReadonlySet<string>): Promise<TransferItem[]> {
  const line = new ProgressLine('Uploading');
  return new Promise((done, fail) => {
    const check = (snapshot: TransferSnapshot) => {
      const mine = snapshot.transfers.filter((t) => ids.has(t.id));
      const sent = mine.reduce((n, t) => n + t.bytesDone, 0);
      const total = mine.reduce((n, t) => n + t.size, 0);
      const speed = mine.reduce((n, t) => n + t.bytesPerSecond, 0);
      const finished = mine.filter((t) => RESTING.has(t.state)).length;
      line.update({
        done: sent,
        total,
        unit: 'bytes',
        message: `${finished}/${mine.length} files, ${formatBytes(speed)}/s`,
      });
      if (finished < mine.length) return;
      stop();
      line.clear();
      done(mine);
    };
    const stop = session.core.services.events.subscribe((topic, payload) => {
      if (topic === 'transfers.changed') check(payload as TransferSnapshot);
      // Nobody signs in in a browser for a script: stop instead of waiting for ever. Closing the
      // session leaves the upload journaled, and the same command resumes it after a sign-in.
      if (topic === 'accounts.signInRequired') {
        stop();
        line.clear();
        const { message } = payload as { message: string };
        fail(
          new LakeError(
            'SIGN_IN_REQUIRED',
            message,
            'Sign in (lakedesk sso login) and run the same upload again: it resumes.',
          ),
        );
      }
    });
    void session.call('transfers.list', {}).then(check, fail);
  });
}

/** `lakedesk upload FILE|DIR… --to s3://bucket/prefix/`: exit 0 all uploaded, 1 some held or failed, 2 usage. */
export async function uploadCommand(paths: string[], options: UploadOptions): Promise<void> {
  const json = Boolean(options.json);
  // The CLI's own journal, so a script never resumes the desktop app's transfers (nor they its).
  const transfers = { dir: join(defaultAppHome(), 'transfers-cli'), autoResume: false };
  await runWithSession({ json, transfers }, async (session) => {
    if (!options.to.startsWith('s3://')) {
      throw new LakeError(
        'BAD_INPUT',
        `--to ${options.to} is not an S3 URI.`,
        'Write it as s3://bucket/prefix/.',
      );
    }
    const partSizeMb = whole(options.partSize, '--part-size');
    const concurrency = whole(options.concurrency, '--concurrency');
    if (partSizeMb !== undefined || concurrency !== undefined) {
      await session.call('transfers.setOptions', {
        ...(partSizeMb ? { partSizeMb } : {}),
        ...(concurrency ? { concurrency } : {}),
      });
    }
    const onConflict = options.onConflict === 'keep-both' ? 'keepBoth' : (options.onConflict ?? 'skip');
    const { transfers: queued } = await session.call('transfers.enqueue', {
      profile: options.profile ?? process.env.AWS_PROFILE ?? 'default',
      to: options.to,
      sources: paths.map((p) => ({ path: resolve(p) })),
      ...(options.dataset ? { dataset: options.dataset } : {}),
      ...(options.template ? { template: options.template } : {}),
      encryption: encryptionOf(options),
      onConflict,
      onFindings: options.quarantine ? 'quarantine' : 'hold',
    });
    const ids = new Set(queued.map((t) => t.id));
    const onSigint = () => void session.call('transfers.pause', { ids: [...ids] });
    process.once('SIGINT', onSigint);
    const items = await waitForBatch(session, ids).finally(() => process.off('SIGINT', onSigint));
    // Held and conflicting files are reported, not kept: the next run checks them afresh.
    const waiting = items.filter((t) => t.state === 'held' || t.state === 'conflict').map((t) => t.id);
    if (waiting.length) await session.call('transfers.cancel', { ids: waiting });
    const ok = items.every((t) => t.state === 'done' || (t.state === 'skipped' && t.conflict?.sameContent));
    if (json) printJson({ ok, transfers: items });
    else process.stdout.write(describeTransfers(items));
    return ok ? EXIT_OK : EXIT_PROBLEM;
  });
}

export function registerUploadCommand(program: Command): void {
  program
    .command('upload')
    .description('Upload files or folders to S3 after the same preflight validation as the app (resumable).')
    .argument('<paths...>', 'files or folders to upload')
    .requiredOption('--to <s3-uri>', 'where to: s3://bucket/prefix/ (or s3://bucket/key for one file)')
    .option('-p, --profile <name>', 'the AWS profile (default: AWS_PROFILE, else default)')
    .option(
      '-d, --dataset <name>',
      'check every CSV against this dataset (default: recognised from the header)',
    )
    .option('--template <prefix>', 'a prefix per file, e.g. raw/{dataset}/year={yyyy}/month={mm}/')
    .option('--kms-key <id>', 'encrypt with SSE-KMS using this key id, ARN or alias')
    .option('--sse <mode>', 'encryption: default (the bucket’s), s3 (SSE-S3) or kms')
    .option('--on-conflict <choice>', 'an object already there: skip (default), overwrite or keep-both')
    .option('--quarantine', 'upload files with findings under quarantine/ instead of holding them back')
    .option('--part-size <MiB>', 'multipart part size in MiB (default 8)')
    .option('--concurrency <n>', 'parts in flight at once (default 4)')
    .option('--json', 'print {ok, transfers} as one JSON document')
    .action((paths: string[], options: UploadOptions) => uploadCommand(paths, options));
}
