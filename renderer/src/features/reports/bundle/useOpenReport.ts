import { useCallback, useState } from 'react';
import type { LakeErrorShape } from '@shared/errors';
import { useRoute } from '../../../app/route';
import { useLake } from '../../../lib/LakeProvider';
import { toErrorShape } from '../../../lib/lake-error';
import { MAX_TOTAL_BYTES, readFiles } from '../../storage/read-files';
import { useFrontDoor } from '../export/useFrontDoor';
import { openReportHref } from './report-routes';

/**
 * The ways a report bundle gets opened, all ending on its view (`#/reports/open?path=…`): a path
 * (desktop dialog, menu, recent list), or a File from a drop or the browser's file input. The
 * desktop app opens a dropped file where it lies; browser mode has no paths, so it sends the bytes
 * to the core (`reports.importBundle`), which keeps a copy to open.
 */
export function useOpenReport() {
  const lake = useLake();
  const frontDoor = useFrontDoor();
  const [, navigate] = useRoute();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<LakeErrorShape>();

  const openPath = useCallback((path: string) => navigate(openReportHref(path)), [navigate]);

  const openFile = useCallback(
    async (file: File) => {
      setError(undefined);
      const path = window.lake?.pathForFile?.(file);
      if (path) return openPath(path);
      if (file.size > MAX_TOTAL_BYTES) {
        setError({
          code: 'BAD_INPUT',
          message: `${file.name} is too large to open in browser mode (${Math.round(file.size / 2 ** 20)} MB).`,
          hint: 'Open it in the desktop app, or with `lakedesk report open` on this machine.',
        });
        return;
      }
      setBusy(true);
      try {
        const [read] = await readFiles([file]);
        if (!read) return;
        const saved = await lake.call('reports.importBundle', {
          fileName: file.name,
          dataBase64: read.dataBase64,
        });
        openPath(saved.path);
      } catch (e) {
        setError(toErrorShape(e));
      } finally {
        setBusy(false);
      }
    },
    [lake, openPath],
  );

  /** The desktop app's open dialog; browser mode uses a file input instead (see OpenReportButton). */
  const chooseAndOpen = useCallback(async () => {
    setError(undefined);
    try {
      const chosen = await lake.call('app.chooseOpenPath', {
        title: 'Open report',
        extensions: ['lakereport'],
      });
      if (chosen.path) openPath(chosen.path);
    } catch (e) {
      setError(toErrorShape(e));
    }
  }, [lake, openPath]);

  return {
    hasDialog: frontDoor === 'electron',
    isBusy,
    error,
    clearError: useCallback(() => setError(undefined), []),
    openPath,
    openFile,
    chooseAndOpen,
  };
}
