import { useEffect, useState } from 'react';
import { useToasts } from '../../../app/ToastContext';
import { Icon } from '../../../components/Icon';
import { useLake } from '../../../lib/LakeProvider';
import { isBundleName } from './report-routes';
import { useOpenReport } from './useOpenReport';

const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * Opens report bundles from outside the Reports area, for the whole window: the desktop app's
 * `app.openReport` (File › Open Report…, a double-click on a .lakereport, a second instance) and a
 * .lakereport dropped anywhere. Drop zones of their own (the Lake folder view) handle their drops
 * first; those are left alone.
 */
export function ReportOpening() {
  const lake = useLake();
  const { push } = useToasts();
  const { openPath, openFile, error, clearError } = useOpenReport();
  const [isDragging, setDragging] = useState(false);

  useEffect(() => lake.on('app.openReport', ({ path }) => openPath(path)), [lake, openPath]);

  useEffect(() => {
    if (!error) return;
    push({
      kind: 'error',
      title: 'Could not open the report',
      detail: error.hint ? `${error.message} ${error.hint}` : error.message,
    });
    clearError();
  }, [error, push, clearError]);

  useEffect(() => {
    // dragover repeats every few milliseconds while files are over the window: when it stops (the
    // drag left the window or was dropped), the hint goes. More robust than pairing dragleaves.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      clearTimeout(timer);
      setDragging(false);
    };
    const onDragOver = (event: DragEvent) => {
      if (!hasFiles(event) || event.defaultPrevented) return stop();
      // Accepting the drag everywhere also keeps a stray drop from navigating the window to the file.
      event.preventDefault();
      setDragging(true);
      clearTimeout(timer);
      timer = setTimeout(stop, 400);
    };
    const onDrop = (event: DragEvent) => {
      stop();
      if (!hasFiles(event) || event.defaultPrevented) return;
      event.preventDefault();
      const files = [...(event.dataTransfer?.files ?? [])];
      const bundle = files.find((f) => isBundleName(f.name));
      if (bundle) {
        void openFile(bundle);
      } else {
        push({
          kind: 'info',
          title: 'Only report files open here',
          detail: 'Drop a .lakereport file to open it. CSV files are imported from a folder in Lake.',
        });
      }
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [openFile, push]);

  if (!isDragging) return null;
  return (
    <div className="report-drop-hint" aria-hidden="true" data-testid="report-drop-hint">
      <Icon name="package" size={18} />
      Drop a .lakereport file to open it
    </div>
  );
}
