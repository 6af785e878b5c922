import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { BUNDLE_EXTENSION } from '@shared/bundle-manifest.schema';
import type { BundleIntegrity, ExportedFile } from '@shared/bundles.schema';
import { LakeError } from '@shared/errors';
import { produceFileAtomic } from '../../atomic-file';
import type { CallContext, HandlerMap } from '../../handler-types';
import { SUMMARY_PDF } from './bundle-names';
import { readBundle } from './bundle-reader';
import type { OpenBundle } from './bundle-sessions';
import { writeBundle } from './bundle-writer';
import { contentFor, titleOf } from './export-sources';
import { outputTarget, type OutputTarget } from './output-paths';
import { writeXlsx } from './xlsx-workbook';

type From = { path: string } | { bundleId: string };

async function exported(target: OutputTarget): Promise<ExportedFile> {
  return {
    path: target.path,
    fileName: basename(target.path),
    bytes: (await stat(target.path)).size,
    inDownloads: target.inDownloads,
  };
}

/**
 * A bundle whose members differ from their checksums is not converted: an XLSX or PDF made from it
 * would look like a clean copy of the report and hide that something was changed.
 */
function requireVerified(file: string, integrity: BundleIntegrity): void {
  if (integrity.verified) return;
  const what = integrity.problems
    .slice(0, 5)
    .map((p) => p.message)
    .join(' ');
  throw new LakeError(
    'INVALID_DATA',
    `${basename(file)} does not match its checksums, so it is not exported: ${what}`,
    'Open it to see what differs, or export the report again from the lake.',
  );
}

/** Runs `work` on an open bundle: the one named, or the file opened for the occasion (and closed). */
async function withBundle<T>(
  ctx: CallContext,
  from: From,
  work: (bundle: OpenBundle) => Promise<T>,
): Promise<T> {
  if ('bundleId' in from) return work(ctx.bundles.sessions.get(from.bundleId));
  const opened = await ctx.bundles.sessions.open(from.path);
  try {
    return await work(ctx.bundles.sessions.get(opened.bundleId));
  } finally {
    await ctx.bundles.sessions.close(opened.bundleId);
  }
}

function bundlePath(ctx: CallContext, from: From): string {
  return 'path' in from ? resolve(from.path) : ctx.bundles.sessions.get(from.bundleId).path;
}

/** reports.export*: a report bundle from the lake; an XLSX or the PDF summary from a bundle. */
export const bundleExportHandlers: HandlerMap<
  'reports.exportBundle' | 'reports.exportXlsx' | 'reports.exportPdf'
> = {
  'reports.exportBundle': {
    title: (input) => `Export report: ${input.title ?? titleOf(input.source)}`,
    async run(input, ctx, job) {
      const title = input.title ?? titleOf(input.source);
      const target = outputTarget(ctx.home, input.out, BUNDLE_EXTENSION, title);
      job.progress({ done: 0, message: 'running the queries' });
      const content = await contentFor(ctx, input.source, job.signal);
      if (input.title !== undefined) content.title = input.title;
      const manifest = await writeBundle({
        content,
        target: target.path,
        appVersion: ctx.version,
        signal: job.signal,
        progress: (p) => job.progress(p),
      });
      await ctx.bundles.recent.remember(target.path, manifest).catch(() => undefined);
      return exported(target);
    },
  },
  'reports.exportXlsx': {
    title: () => 'Export report to Excel',
    async run(input, ctx, job) {
      return withBundle(ctx, input.from, async (bundle) => {
        requireVerified(bundle.path, bundle.opened.integrity);
        const target = outputTarget(ctx.home, input.out, '.xlsx', bundle.manifest.title);
        job.progress({ done: 0, total: bundle.tables.length, message: 'writing the workbook' });
        await produceFileAtomic(target.path, (temp) => writeXlsx(temp, bundle, bundle.opened, job.signal));
        return exported(target);
      });
    },
  },
  'reports.exportPdf': async (input, ctx) => {
    const path = bundlePath(ctx, input.from);
    const dir = await mkdtemp(join(tmpdir(), 'lakedesk-pdf-'));
    try {
      // Read from the file again: what is saved is what the file holds now, checked now.
      const read = await readBundle(path, dir, (member) => member === SUMMARY_PDF);
      requireVerified(path, read.integrity);
      const pdf = read.extracted.get(SUMMARY_PDF);
      if (!pdf) throw new LakeError('INVALID_DATA', `${basename(path)} has no PDF summary.`);
      const target = outputTarget(ctx.home, input.out, '.pdf', read.manifest.title);
      await produceFileAtomic(target.path, (temp) => copyFile(pdf, temp));
      return exported(target);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
