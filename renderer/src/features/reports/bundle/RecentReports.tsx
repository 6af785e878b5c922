import { useEffect } from 'react';
import type { RecentBundle } from '@shared/bundles.schema';
import { useToasts } from '../../../app/ToastContext';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Icon } from '../../../components/Icon';
import { Badge, Loading } from '../../../components/Layout';
import { formatDateTime, formatRelative } from '../../../lib/format';
import { useLake } from '../../../lib/LakeProvider';
import { toErrorShape } from '../../../lib/lake-error';
import { useCall } from '../../../lib/useCall';
import { kindLabel } from './bundle-labels';

/** Reports exported or opened lately; a file that has gone is marked and can be taken off the list. */
export function RecentReports({ isVisible, onOpen }: { isVisible: boolean; onOpen: (path: string) => void }) {
  const lake = useLake();
  const { push } = useToasts();
  const recent = useCall('reports.recentBundles', {});
  const { reload } = recent;
  // Exports, opens and files moved elsewhere change the list: read it again whenever it comes into
  // view, and when the window comes back to the front (a file may have been moved meanwhile).
  useEffect(() => {
    if (!isVisible) return;
    reload();
    window.addEventListener('focus', reload);
    return () => window.removeEventListener('focus', reload);
  }, [isVisible, reload]);

  const forget = async (item: RecentBundle) => {
    try {
      await lake.call('reports.forgetRecentBundle', { path: item.path });
      reload();
    } catch (error) {
      push({ kind: 'error', title: 'Could not update the list', detail: toErrorShape(error).message });
    }
  };

  if (recent.error) return <ErrorBanner error={recent.error} onRetry={reload} />;
  if (!recent.data) return <Loading />;
  if (recent.data.length === 0) {
    return (
      <p className="muted recent-empty" data-testid="recent-empty">
        Reports you export or open appear here.
      </p>
    );
  }
  return (
    <ul className="recent-reports" data-testid="recent-reports">
      {recent.data.map((item) => (
        <li
          key={item.path}
          className={item.exists ? 'recent-report' : 'recent-report missing'}
          data-testid="recent-report"
          data-path={item.path}
          data-exists={item.exists}
        >
          <button
            type="button"
            className="recent-report-open"
            disabled={!item.exists}
            onClick={() => onOpen(item.path)}
            title={item.exists ? `Open ${item.path}` : `${item.path} is no longer there`}
            data-testid="recent-open"
          >
            <Icon name="package" size={18} className="recent-report-icon" />
            <span className="recent-report-text">
              <span className="recent-report-title">
                {item.title}
                <Badge>{kindLabel(item.kind)}</Badge>
                {!item.exists && <Badge tone="warn">File missing</Badge>}
              </span>
              <span className="recent-report-path">{item.path}</span>
            </span>
            <span className="recent-report-dates">
              <span>Created {formatDateTime(item.createdAt)}</span>
              <span className="muted">Opened {formatRelative(item.openedAt)}</span>
            </span>
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Forget ${item.fileName}`}
            title="Take off this list (the file stays)"
            onClick={() => void forget(item)}
            data-testid="recent-forget"
          >
            <Icon name="close" size={14} />
          </button>
        </li>
      ))}
    </ul>
  );
}
