import { useState } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { Badge } from '../../components/Layout';
import { ProgressBar } from '../../components/ProgressBar';
import { formatCount } from '../../lib/format';
import { useCall } from '../../lib/useCall';
import { useJobRunner } from '../../lib/useJobRunner';
import { FindingsTable } from './FindingsTable';

const RECOGNISE = '';

/** Checks a lake file against a dataset contract and lists every finding. */
export function ValidateTab({ path }: { path: string }) {
  const datasets = useCall('storage.listDatasets', {});
  const [dataset, setDataset] = useState(RECOGNISE);
  const validate = useJobRunner('storage.validate');
  const report = validate.state === 'succeeded' ? validate.result : undefined;

  return (
    <div className="validate" data-testid="validate">
      <div className="toolbar">
        <label className="field-label inline" htmlFor="validate-dataset">
          Dataset
        </label>
        <select
          id="validate-dataset"
          className="select"
          value={dataset}
          onChange={(e) => setDataset(e.target.value)}
          data-testid="validate-dataset"
        >
          <option value={RECOGNISE}>Recognise from the header</option>
          {datasets.data?.map((d) => (
            <option key={d.name} value={d.name}>
              {d.name}
              {d.builtIn ? '' : ' (workspace)'}
            </option>
          ))}
        </select>
        {validate.state === 'running' ? (
          <button type="button" className="button" onClick={validate.cancel}>
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="button primary"
            onClick={() => void validate.run(dataset ? { path, dataset } : { path })}
            data-testid="validate-run"
          >
            <Icon name="check" size={15} /> Validate
          </button>
        )}
      </div>
      {datasets.error && <ErrorBanner error={datasets.error} compact />}
      {validate.state === 'running' && <ProgressBar progress={validate.progress} label="Validating" />}
      {validate.error && <ErrorBanner error={validate.error} />}
      {report && (
        <div className="validate-result" data-testid="validate-result" data-ok={report.ok}>
          <div className="row">
            {report.ok ? <Badge tone="ok">Valid</Badge> : <Badge tone="danger">Findings</Badge>}
            <span>
              {formatCount(report.rows)} rows checked against <strong>{report.dataset}</strong>
              {report.ok
                ? ': no findings.'
                : `: ${formatCount(report.findingCount ?? report.errors.length)} finding${(report.findingCount ?? report.errors.length) === 1 ? '' : 's'}.`}
            </span>
          </div>
          {report.errors.length > 0 && <FindingsTable findings={report.errors} total={report.findingCount} />}
        </div>
      )}
      {validate.state === 'idle' && (
        <p className="muted">
          Validation reads the whole file and reports every finding by line and column; nothing is changed.
        </p>
      )}
    </div>
  );
}
