import type { OpenedBundle } from '@shared/bundles.schema';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Icon } from '../../../components/Icon';
import { KpiCard } from '../../../components/KpiCard';
import { Badge, Loading } from '../../../components/Layout';
import { formatDateTime } from '../../../lib/format';
import { ExportReportMenu } from '../export/ExportReportMenu';
import { kindLabel } from './bundle-labels';
import { BundleCharts } from './BundleCharts';
import { BundleSql } from './BundleSql';
import { BundleTables } from './BundleTables';
import { IntegrityBanner } from './IntegrityBanner';
import { ManifestDetails } from './ManifestDetails';
import { useOpenedBundle } from './useOpenedBundle';

/**
 * An exported report, opened from its file: whether it is intact, where it came from, its figures,
 * charts and tables, and a SQL box over its data. Needs no workspace, no credentials, no network.
 */
export function BundleView({ path, onClose }: { path: string; onClose: () => void }) {
  const { bundle, error, reopen } = useOpenedBundle(path);
  return (
    <div className="stack bundle-view" data-testid="bundle-view" data-path={path}>
      {error && (
        <>
          <ErrorBanner error={error} onRetry={reopen} />
          <div>
            <button type="button" className="button" onClick={onClose} data-testid="bundle-close">
              Back to report files
            </button>
          </div>
        </>
      )}
      {!error && !bundle && <Loading label="Opening the report and checking its checksums…" />}
      {bundle && <OpenedReport bundle={bundle} onClose={onClose} />}
    </div>
  );
}

function OpenedReport({ bundle, onClose }: { bundle: OpenedBundle; onClose: () => void }) {
  const { manifest, integrity } = bundle;
  return (
    <>
      <div className="bundle-head" data-testid="bundle-head" data-bundle-id={bundle.bundleId}>
        <div className="bundle-head-text">
          <h2 className="bundle-title" data-testid="bundle-title">
            {manifest.title}
            <Badge tone={integrity.verified ? 'ok' : 'warn'}>
              {integrity.verified ? 'Verified' : 'Changed since export'}
            </Badge>
          </h2>
          <p className="muted">
            {kindLabel(manifest.kind)} exported {formatDateTime(manifest.createdAt)} · opened offline from{' '}
            <span className="bundle-file" title={bundle.path}>
              {bundle.fileName}
            </span>
          </p>
        </div>
        <ExportReportMenu
          target={{ kind: 'bundle', bundleId: bundle.bundleId, title: manifest.title }}
          formats={['xlsx', 'pdf']}
          label="Save as"
          disabledReason={
            integrity.verified ? undefined : 'A report that does not match its checksums is not converted.'
          }
          testId="bundle-export"
        />
        <button type="button" className="button" onClick={onClose} data-testid="bundle-close">
          <Icon name="close" size={14} /> Close
        </button>
      </div>
      <IntegrityBanner bundle={bundle} />
      {manifest.highlights.length > 0 && (
        <div className="kpi-row" data-testid="bundle-highlights">
          {manifest.highlights.map((h) => (
            <KpiCard key={h.label} label={h.label} value={h.value} />
          ))}
        </div>
      )}
      <ManifestDetails bundle={bundle} />
      <BundleCharts charts={bundle.charts} />
      <BundleTables bundleId={bundle.bundleId} tables={bundle.tables} />
      <BundleSql bundleId={bundle.bundleId} tables={bundle.tables} />
    </>
  );
}
