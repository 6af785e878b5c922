import { useCallback, useRef, useState } from 'react';
import type { ExportedFile, ExportSource } from '@shared/bundles.schema';
import type { LakeErrorShape } from '@shared/errors';
import type { JobProgress } from '@shared/jobs.schema';
import { useToasts } from '../../../app/ToastContext';
import type { TypedLakeClient } from '../../../lib/lake-client';
import { useLake } from '../../../lib/LakeProvider';
import { isCancelled, toErrorShape } from '../../../lib/lake-error';
import { defaultFileName, FORMATS, startDownload, type ExportFormat } from './export-formats';
import { useFrontDoor } from './useFrontDoor';

/** What is exported: a report computed now from the lake, or a bundle that is already open. */
export type ExportTarget =
  | { kind: 'source'; source: ExportSource; title: string }
  | { kind: 'bundle'; bundleId: string; title: string };

export interface ExportState {
  running?: { format: ExportFormat; step: string; progress: JobProgress | undefined };
  error?: LakeErrorShape;
}

interface Step {
  signal: AbortSignal;
  onStep: (step: string, progress?: JobProgress) => void;
}

/**
 * Writes the file. A report from the lake is always exported as a bundle first (the one place its
 * queries run and its numbers are fixed); Excel and PDF are then made from that verified bundle, so
 * all three formats hold the same figures.
 */
async function writeExport(
  lake: TypedLakeClient,
  target: ExportTarget,
  format: ExportFormat,
  out: string | undefined,
  { signal, onStep }: Step,
): Promise<ExportedFile> {
  let from: { path: string } | { bundleId: string };
  if (target.kind === 'source') {
    onStep('Writing the report bundle');
    const bundle = await lake.runJob(
      'reports.exportBundle',
      { source: target.source, title: target.title, out: format === 'bundle' ? out : undefined },
      { signal, onProgress: (job) => onStep('Writing the report bundle', job.progress) },
    );
    if (format === 'bundle') return bundle;
    // The bundle was only a step on the way: keep it off the recent reports list.
    void lake.call('reports.forgetRecentBundle', { path: bundle.path }).catch(() => undefined);
    from = { path: bundle.path };
  } else {
    from = { bundleId: target.bundleId };
  }
  signal.throwIfAborted();
  if (format === 'xlsx') {
    onStep('Writing the workbook');
    return lake.runJob(
      'reports.exportXlsx',
      { from, out },
      { signal, onProgress: (job) => onStep('Writing the workbook', job.progress) },
    );
  }
  onStep('Saving the PDF summary');
  return lake.call('reports.exportPdf', { from, out });
}

/**
 * Export report, as the menu runs it. The desktop app asks where to save first (native dialog) and
 * writes there; browser mode lets the core write to its downloads folder, then downloads the file.
 */
export function useReportExport(target: ExportTarget | undefined) {
  const lake = useLake();
  const frontDoor = useFrontDoor();
  const { push } = useToasts();
  const [state, setState] = useState<ExportState>({});
  const abortRef = useRef<AbortController | null>(null);

  const start = useCallback(
    async (format: ExportFormat) => {
      if (!target || abortRef.current) return;
      const isDesktop = frontDoor === 'electron';
      const abort = new AbortController();
      abortRef.current = abort;
      setState({});
      try {
        let out: string | undefined;
        if (isDesktop) {
          const chosen = await lake.call('app.chooseSavePath', {
            title: `Export ${target.title} as ${FORMATS[format].label}`,
            extensions: [FORMATS[format].extension],
            defaultName: defaultFileName(target.title, format),
          });
          if (chosen.path === null) return;
          out = chosen.path;
        }
        const onStep = (step: string, progress?: JobProgress) =>
          setState({ running: { format, step, progress } });
        onStep('Starting');
        const file = await writeExport(lake, target, format, out, { signal: abort.signal, onStep });
        if (file.inDownloads && !isDesktop) startDownload(file.fileName);
        push({
          kind: 'success',
          title: isDesktop ? `Saved ${file.fileName}` : `Downloading ${file.fileName}`,
          detail: isDesktop ? file.path : 'Your browser saves it to its downloads folder.',
        });
        setState({});
      } catch (error) {
        setState(isCancelled(error) ? {} : { error: toErrorShape(error) });
      } finally {
        abortRef.current = null;
      }
    },
    [lake, target, frontDoor, push],
  );

  const cancel = useCallback(() => abortRef.current?.abort('user'), []);
  const dismissError = useCallback(() => setState({}), []);
  return { ...state, isReady: target !== undefined && frontDoor !== undefined, start, cancel, dismissError };
}
