import { useRef } from 'react';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Icon } from '../../../components/Icon';
import { BUNDLE_EXTENSION } from './report-routes';
import { useOpenReport } from './useOpenReport';

/**
 * "Open report…": the desktop app's native open dialog, or in browser mode the browser's own file
 * picker (a hidden file input), whose file is sent to the core and opened from there.
 */
export function OpenReportButton({ primary }: { primary?: boolean }) {
  const opener = useOpenReport();
  const inputRef = useRef<HTMLInputElement>(null);

  const onClick = () => {
    if (opener.hasDialog) void opener.chooseAndOpen();
    else inputRef.current?.click();
  };

  return (
    <div className="open-report">
      <button
        type="button"
        className={primary ? 'button primary' : 'button'}
        onClick={onClick}
        disabled={opener.isBusy}
        data-testid="open-report"
      >
        <Icon name="folder" size={15} />
        {opener.isBusy ? 'Opening…' : 'Open report…'}
      </button>
      <input
        ref={inputRef}
        type="file"
        accept={BUNDLE_EXTENSION}
        hidden
        aria-hidden="true"
        tabIndex={-1}
        data-testid="open-report-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared at once, so picking the same file again still fires a change.
          event.target.value = '';
          if (file) void opener.openFile(file);
        }}
      />
      {opener.error && (
        <div className="open-report-error">
          <ErrorBanner error={opener.error} compact onDismiss={opener.clearError} />
        </div>
      )}
    </div>
  );
}
