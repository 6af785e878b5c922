import type { StepOutput } from '@shared/emr.schema';
import type { Cell, ColumnInfo } from '@shared/results.schema';
import { NAV_ITEMS } from '../../../app/nav-items';
import { routeHref } from '../../../app/route';
import { CopyButton } from '../../../components/CopyButton';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { columnDefsFor, isNumericType } from '../../../components/grid/columns';
import { DataGrid } from '../../../components/grid/DataGrid';
import { Icon } from '../../../components/Icon';
import { Loading } from '../../../components/Layout';
import { formatCount } from '../../../lib/format';
import { baseName, parentPrefix, s3UriToLakePath } from '../../../lib/s3-uri';
import { useCall } from '../../../lib/useCall';

/** Whether the Lake view browses S3 yet; until it does, an output is offered as a path to copy. */
const canOpenInLake = (): boolean => NAV_ITEMS.find((i) => i.area === 'lake')?.worksOnAws ?? false;

/** Where a finished gross-profit run wrote: its files, a way to them, and the first rows of its CSV. */
export function StepOutputPanel({ output }: { output: StepOutput }) {
  const csv = output.files.find((f) => f.endsWith('.csv')) ?? output.files[0];
  const isLinked = canOpenInLake();
  return (
    <div className="step-output" data-testid="step-output">
      <h3 className="section-title">Output</h3>
      {output.files.length === 0 ? (
        <p className="muted">
          The step wrote no CSV file under <span className="mono">{output.csv}</span>.
        </p>
      ) : (
        <ul className="output-files">
          {output.files.map((uri) => {
            const path = s3UriToLakePath(uri);
            return (
              <li key={uri} data-testid="output-file" data-uri={uri}>
                <Icon name="file" size={14} className="muted" />
                <span className="mono output-uri" title={uri}>
                  {uri}
                </span>
                <CopyButton text={uri} label="Copy path" testId="output-copy" />
                {isLinked && path && (
                  <a
                    className="button small"
                    href={routeHref('lake', '', { prefix: parentPrefix(path), file: path })}
                    data-testid="output-open-in-lake"
                  >
                    Open in Lake
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p className="muted small-print">
        Also written: Parquet under <span className="mono">{output.parquet}</span> and the excluded-row counts
        under <span className="mono">{output.notes}</span>.
      </p>
      {csv && s3UriToLakePath(csv) && <CsvPreview path={s3UriToLakePath(csv)!} name={baseName(csv)} />}
    </div>
  );
}

function CsvPreview({ path, name }: { path: string; name: string }) {
  const preview = useCall('storage.preview', { path, limit: 1000 });
  if (preview.error) return <ErrorBanner error={preview.error} compact onRetry={preview.reload} />;
  if (!preview.data) return <Loading label={`Reading ${name}…`} />;
  const rows = preview.data.rows.length;
  return (
    <div className="output-preview" data-testid="output-preview" data-rows={rows}>
      <div className="row tight">
        <span className="strong">{name}</span>
        <span className="muted">
          {preview.data.partial ? `first ${formatCount(rows)} rows` : `${formatCount(rows)} rows`} ·{' '}
          {preview.data.columns.length} columns
        </span>
      </div>
      <DataGrid<Cell[]>
        testId="output-grid"
        height={340}
        columnDefs={columnDefsFor(preview.data.columns.map(asReportColumn))}
        rowData={preview.data.rows}
        isAutoFit
        // Eleven columns: render them all, so every figure of a row is in the page to find and copy.
        suppressColumnVirtualisation
      />
    </div>
  );
}

/**
 * The preview reads a CSV, where money is plain DOUBLE; the report's money and margins are to the cent
 * (DOMAIN.md), so they show two decimals, as the local report does.
 */
function asReportColumn(column: ColumnInfo): ColumnInfo {
  return /_(usd|pct)$/.test(column.name) && isNumericType(column.type)
    ? { ...column, type: 'DECIMAL(18,2)' }
    : column;
}
