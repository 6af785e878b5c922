import { ErrorBanner } from '../../../components/ErrorBanner';
import { Icon } from '../../../components/Icon';
import { ProgressBar } from '../../../components/ProgressBar';
import { usePopover } from '../../../lib/usePopover';
import { FORMATS, type ExportFormat } from './export-formats';
import { useReportExport, type ExportTarget } from './useReportExport';

const REPORT_FORMATS: ExportFormat[] = ['bundle', 'xlsx', 'pdf'];

/**
 * "Export report": a small menu of formats. While the export runs, its progress (and Cancel) hangs
 * under the button; a failure stays there, with its hint, until dismissed.
 */
export function ExportReportMenu({
  target,
  formats = REPORT_FORMATS,
  label = 'Export report',
  small,
  disabledReason,
  testId = 'export-report',
}: {
  /** Undefined while there is nothing to export yet (the report is still computing). */
  target: ExportTarget | undefined;
  formats?: ExportFormat[];
  label?: string;
  small?: boolean;
  /** Why exporting is not possible now, shown as the button's tooltip. */
  disabledReason?: string;
  testId?: string;
}) {
  const exporter = useReportExport(target);
  const { ref, isOpen, setOpen } = usePopover<HTMLDivElement>();
  const { running, error } = exporter;
  const pick = (format: ExportFormat) => {
    setOpen(false);
    void exporter.start(format);
  };

  return (
    <div className="export-menu" ref={ref} data-testid={testId}>
      <button
        type="button"
        className={small ? 'button small' : 'button'}
        aria-haspopup="menu"
        aria-expanded={isOpen}
        disabled={!exporter.isReady || running !== undefined || disabledReason !== undefined}
        title={disabledReason}
        onClick={() => setOpen((o) => !o)}
        data-testid={`${testId}-button`}
      >
        <Icon name="download" size={15} />
        {running ? 'Exporting…' : label}
        <Icon name="chevronDown" size={13} className="export-menu-caret" />
      </button>
      {isOpen && (
        <div className="export-menu-list" role="menu" aria-label={label} data-testid={`${testId}-menu`}>
          {formats.map((format) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              className="export-menu-item"
              onClick={() => pick(format)}
              data-testid={`export-${format}`}
            >
              <Icon name={format === 'bundle' ? 'package' : format === 'xlsx' ? 'grid' : 'file'} size={16} />
              <span className="export-menu-item-text">
                <span className="export-menu-item-label">{FORMATS[format].label}</span>
                <span className="export-menu-item-detail">{FORMATS[format].detail}</span>
              </span>
            </button>
          ))}
        </div>
      )}
      {running && (
        <div className="export-menu-pop" data-testid="export-progress" data-format={running.format}>
          <div className="export-menu-pop-title">{running.step}</div>
          <ProgressBar progress={running.progress} label={running.step} />
          <button type="button" className="button small" onClick={exporter.cancel}>
            Cancel
          </button>
        </div>
      )}
      {error && !running && (
        <div className="export-menu-pop" data-testid="export-error">
          <div className="export-menu-pop-title">Could not export the report</div>
          <ErrorBanner error={error} compact onDismiss={exporter.dismissError} />
        </div>
      )}
    </div>
  );
}
