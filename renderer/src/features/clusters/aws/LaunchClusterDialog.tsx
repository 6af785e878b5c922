import { useEffect, useState } from 'react';
import { ClusterTemplate, type ClusterSummary, type LaunchEstimate } from '@shared/emr.schema';
import type { LakeErrorShape } from '@shared/errors';
import { Dialog } from '../../../components/Dialog';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatUsd } from '../../../lib/format';
import { useLake } from '../../../lib/LakeProvider';
import { toErrorShape } from '../../../lib/lake-error';
import { useCall } from '../../../lib/useCall';

type Field =
  | 'name'
  | 'releaseLabel'
  | 'primaryInstanceType'
  | 'coreInstanceType'
  | 'coreInstanceCount'
  | 'idleTimeoutMinutes'
  | 'logUri';

const FIELDS: Array<{ key: Field; label: string; mono?: boolean; type?: 'number' }> = [
  { key: 'name', label: 'Name' },
  { key: 'releaseLabel', label: 'EMR release', mono: true },
  { key: 'primaryInstanceType', label: 'Primary instance type', mono: true },
  { key: 'coreInstanceType', label: 'Core instance type', mono: true },
  { key: 'coreInstanceCount', label: 'Core instances', type: 'number' },
  { key: 'idleTimeoutMinutes', label: 'Terminate after idle (minutes)', type: 'number' },
  { key: 'logUri', label: 'Log URI', mono: true },
];

/**
 * Launches a transient cluster from a template: the cost estimate first, then an explicit yes. The
 * estimate's confirmation code binds the launch to exactly the template that was priced.
 */
export function LaunchClusterDialog({
  workspaceId,
  likeClusterId,
  onLaunched,
  onClose,
}: {
  workspaceId: string;
  /** A cluster whose log location the new one shares (the open one), when there is one. */
  likeClusterId: string | undefined;
  onLaunched: (cluster: ClusterSummary) => void;
  onClose: () => void;
}) {
  const lake = useLake();
  const [values, setValues] = useState<Record<Field, string>>({
    name: 'lakedesk-gross-profit',
    releaseLabel: 'emr-7.5.0',
    primaryInstanceType: 'm5.xlarge',
    coreInstanceType: 'm5.xlarge',
    coreInstanceCount: '2',
    idleTimeoutMinutes: '60',
    logUri: '',
  });
  const like = useCall(
    'clusters.getCluster',
    { workspaceId, clusterId: likeClusterId ?? '-' },
    { skip: !likeClusterId },
  );
  const likeLogUri = like.data?.logUri;
  useEffect(() => {
    if (likeLogUri) setValues((v) => (v.logUri ? v : { ...v, logUri: likeLogUri }));
  }, [likeLogUri]);
  const [estimate, setEstimate] = useState<LaunchEstimate | undefined>(undefined);
  const [isConfirmed, setConfirmed] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [error, setError] = useState<LakeErrorShape | undefined>(undefined);
  const [isBusy, setBusy] = useState(false);

  const change = (key: Field, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    // A changed template is a different price: estimate and confirm again.
    setEstimate(undefined);
    setConfirmed(false);
  };

  const template = () =>
    ClusterTemplate.safeParse({
      ...values,
      coreInstanceCount: Number(values.coreInstanceCount),
      idleTimeoutMinutes: Number(values.idleTimeoutMinutes),
    });

  const run = async (work: () => Promise<void>) => {
    setError(undefined);
    setBusy(true);
    try {
      await work();
    } catch (e) {
      setError(toErrorShape(e));
    } finally {
      setBusy(false);
    }
  };

  const estimateCost = () => {
    const checked = template();
    if (!checked.success) {
      const issue = checked.error.issues[0];
      return setProblem(
        `${FIELDS.find((f) => f.key === issue?.path[0])?.label ?? 'Template'}: ${issue?.message}`,
      );
    }
    setProblem(undefined);
    void run(async () =>
      setEstimate(await lake.call('clusters.estimateLaunch', { workspaceId, template: checked.data })),
    );
  };

  const launch = () => {
    if (!estimate) return;
    void run(async () =>
      onLaunched(
        await lake.call('clusters.launchCluster', {
          workspaceId,
          template: estimate.template,
          confirmation: estimate.confirmation,
        }),
      ),
    );
  };

  const footer = (
    <>
      <button type="button" className="button" onClick={onClose}>
        Cancel
      </button>
      {!estimate ? (
        <button
          type="button"
          className="button primary"
          onClick={estimateCost}
          disabled={isBusy}
          data-testid="launch-estimate"
        >
          Estimate the cost
        </button>
      ) : (
        <button
          type="button"
          className="button primary"
          onClick={launch}
          disabled={isBusy || !isConfirmed}
          data-testid="launch-confirm"
        >
          Launch for about {formatUsd(estimate.hourlyUsd)} an hour
        </button>
      )}
    </>
  );

  return (
    <Dialog title="Launch a transient cluster" onClose={onClose} footer={footer} testId="launch-dialog">
      <div className="form-grid">
        {FIELDS.map((f) => (
          <label key={f.key} className="form-field">
            <span className="field-label">{f.label}</span>
            <input
              className={f.mono ? 'input mono' : 'input'}
              type={f.type ?? 'text'}
              min={f.type ? 0 : undefined}
              value={values[f.key]}
              onChange={(e) => change(f.key, e.target.value)}
              data-testid={`launch-${f.key}`}
            />
          </label>
        ))}
        <p className="muted form-wide">
          Applications: Spark, Hadoop, Hive. The cluster terminates itself when idle.
        </p>
      </div>
      {problem && <p className="field-error">{problem}</p>}
      {estimate && (
        <div className="estimate" data-testid="launch-estimate-result">
          <div className="metric-grid">
            <div className="metric">
              <div className="metric-value">{formatUsd(estimate.hourlyUsd)}</div>
              <div className="metric-label">per hour while it runs</div>
            </div>
            <div className="metric">
              <div className="metric-value">{formatUsd(estimate.idleCeilingUsd)}</div>
              <div className="metric-label">if it only idles until it terminates</div>
            </div>
          </div>
          <p className="small-print muted">{estimate.basis}</p>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={isConfirmed}
              onChange={(e) => setConfirmed(e.target.checked)}
              data-testid="launch-understood"
            />
            I understand this starts {Number(values.coreInstanceCount) + 1} instances that cost money until
            the cluster terminates.
          </label>
        </div>
      )}
      {error && <ErrorBanner error={error} />}
    </Dialog>
  );
}
