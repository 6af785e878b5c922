import { useState, type FormEvent } from 'react';
import { GrossProfitStepInput } from '@shared/clusters.schema';
import type { ClusterDetail, SubmittedStep } from '@shared/emr.schema';
import type { LakeErrorShape } from '@shared/errors';
import { Dialog } from '../../../components/Dialog';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { useLake } from '../../../lib/LakeProvider';
import { toErrorShape } from '../../../lib/lake-error';
import { useCall } from '../../../lib/useCall';
import { bucketOf } from './emr-view';

/** DOMAIN.md's defaults, offered when the person sets rates for one run. */
const DEFAULT_RATES: Record<string, string> = { USD: '1', CAD: '0.79', MXN: '0.05' };

/**
 * Submits the gross-profit Spark step to a cluster: which Glue database to read, where to write, and
 * optionally the currency rates of this run (otherwise the job reads `currency_rates` or the defaults).
 */
export function GrossProfitDialog({
  workspaceId,
  cluster,
  onSubmitted,
  onClose,
}: {
  workspaceId: string;
  cluster: ClusterDetail;
  onSubmitted: (submitted: SubmittedStep) => void;
  onClose: () => void;
}) {
  const lake = useLake();
  const databases = useCall('catalog.listDatabases', { workspaceId });
  const [database, setDatabase] = useState('');
  const [outputPath, setOutputPath] = useState('');
  const [hasRates, setHasRates] = useState(false);
  const [rates, setRates] = useState(DEFAULT_RATES);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [error, setError] = useState<LakeErrorShape | undefined>(undefined);
  const [isSubmitting, setSubmitting] = useState(false);
  const names = databases.data?.databases.map((d) => d.name) ?? [];
  const chosen = database || (names.includes('lake') ? 'lake' : (names[0] ?? ''));
  const bucket = bucketOf(cluster.logUri);
  const defaultOutput = bucket ? `s3://${bucket}/lakedesk/output/gross-profit/` : 'beside the cluster’s logs';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      workspaceId,
      clusterId: cluster.id,
      database: chosen,
      ...(outputPath.trim() ? { outputPath: outputPath.trim() } : {}),
      ...(hasRates
        ? { currencyRates: Object.fromEntries(Object.entries(rates).map(([k, v]) => [k, Number(v)])) }
        : {}),
    };
    // The contract's schema says what is wrong in the person's terms before anything is uploaded.
    const checked = GrossProfitStepInput.safeParse(input);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      return setProblem(`${issue?.path.join(' ') || 'Input'}: ${issue?.message ?? 'not accepted'}`);
    }
    setProblem(undefined);
    setError(undefined);
    setSubmitting(true);
    try {
      onSubmitted(await lake.call('clusters.submitGrossProfit', input));
    } catch (e) {
      setError(toErrorShape(e));
      setSubmitting(false);
    }
  };

  const footer = (
    <>
      <button type="button" className="button" onClick={onClose}>
        Cancel
      </button>
      <button
        type="submit"
        form="gross-profit-form"
        className="button primary"
        disabled={isSubmitting || !chosen}
        data-testid="gross-profit-submit"
      >
        {isSubmitting ? 'Uploading code and submitting…' : 'Submit step'}
      </button>
    </>
  );

  return (
    <Dialog
      title={`Run the gross-profit job on ${cluster.name}`}
      onClose={onClose}
      footer={footer}
      testId="gross-profit-dialog"
    >
      <form id="gross-profit-form" className="form-grid" onSubmit={(e) => void submit(e)}>
        <p className="muted form-wide">
          Uploads <code>gross_profit.py</code> and the report SQL (the same SQL the local engine runs), then
          adds a Spark step that reads the Glue tables <code>billing</code>, <code>units_sold</code> and{' '}
          <code>production_costs</code> and writes the report as CSV and Parquet.
        </p>
        <label className="form-field">
          <span className="field-label">Glue database</span>
          <select
            className="select"
            value={chosen}
            onChange={(e) => setDatabase(e.target.value)}
            data-testid="gross-profit-database"
          >
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          {databases.error && <span className="field-error">{databases.error.message}</span>}
        </label>
        <label className="form-field">
          <span className="field-label">Output path (optional)</span>
          <input
            className="input mono"
            value={outputPath}
            onChange={(e) => setOutputPath(e.target.value)}
            placeholder={defaultOutput}
            data-testid="gross-profit-output"
          />
          <span className="field-help">Each run writes under its own run_id=… folder.</span>
        </label>
        <fieldset className="form-field form-wide rates">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={hasRates}
              onChange={(e) => setHasRates(e.target.checked)}
              data-testid="gross-profit-set-rates"
            />
            Set currency rates to USD for this run
          </label>
          {hasRates ? (
            <div className="rate-inputs">
              {Object.entries(rates).map(([currency, value]) => (
                <label key={currency} className="rate-input">
                  <span className="mono">{currency}</span>
                  <input
                    className="input number-input"
                    type="number"
                    min="0"
                    step="any"
                    value={value}
                    onChange={(e) => setRates((r) => ({ ...r, [currency]: e.target.value }))}
                    data-testid={`gross-profit-rate-${currency}`}
                  />
                </label>
              ))}
            </div>
          ) : (
            <span className="field-help">
              Otherwise the job reads the <code>currency_rates</code> table, or uses USD 1, CAD 0.79, MXN
              0.05.
            </span>
          )}
        </fieldset>
      </form>
      {problem && <p className="field-error">{problem}</p>}
      {error && <ErrorBanner error={error} />}
    </Dialog>
  );
}
