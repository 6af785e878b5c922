import { useEffect, useState } from 'react';
import type { SubmittedStep } from '@shared/emr.schema';
import { CopyButton } from '../../../components/CopyButton';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Icon } from '../../../components/Icon';
import { Loading, Panel } from '../../../components/Layout';
import { useCall } from '../../../lib/useCall';
import { ClusterOverview } from './ClusterOverview';
import { isStateBusy, takesSteps } from './emr-view';
import { GrossProfitDialog } from './GrossProfitDialog';
import { StateBadge } from './StateBadge';
import { StepDetail } from './StepDetail';
import { StepList } from './StepList';
import { SubmittedStepPanel, type SubmittedRun } from './SubmittedStepPanel';
import { useSteps } from './useSteps';

/** A starting or terminating cluster changes by itself: read it again this often meanwhile. */
const BUSY_CLUSTER_POLL_MS = 15_000;

/** One cluster: overview, the runs submitted from here, and its steps with the selected one open. */
export function ClusterPanel({
  workspaceId,
  clusterId,
  selectedStep,
  onSelectStep,
  runs,
  onSubmitted,
  onDismissRun,
}: {
  workspaceId: string;
  clusterId: string;
  selectedStep: string | undefined;
  onSelectStep: (stepId: string | undefined) => void;
  runs: SubmittedRun[];
  onSubmitted: (submitted: SubmittedStep) => void;
  onDismissRun: (stepId: string) => void;
}) {
  const detail = useCall('clusters.getCluster', { workspaceId, clusterId });
  const steps = useSteps(workspaceId, clusterId);
  const [isSubmitOpen, setSubmitOpen] = useState(false);
  const cluster = detail.data?.id === clusterId ? detail.data : undefined;
  const isBusy = cluster ? isStateBusy(cluster.state) : false;
  const { reload } = detail;
  useEffect(() => {
    if (!isBusy) return;
    const timer = setInterval(reload, BUSY_CLUSTER_POLL_MS);
    return () => clearInterval(timer);
  }, [isBusy, reload]);
  const step = steps.steps?.find((s) => s.id === selectedStep);

  return (
    <div className="stack cluster-panel" data-testid="cluster-detail" data-cluster={clusterId}>
      <section className="panel">
        <div className="panel-header">
          <h2 className="panel-title row tight">
            {cluster?.name ?? clusterId}
            {cluster && <StateBadge kind="cluster" state={cluster.state} />}
          </h2>
          <div className="panel-actions">
            <span className="mono muted">{clusterId}</span>
            <CopyButton text={clusterId} />
            <button type="button" className="button small" onClick={reload} aria-label="Refresh cluster">
              <Icon name="refresh" size={13} />
            </button>
            {cluster && takesSteps(cluster.state) && (
              <button
                type="button"
                className="button small primary"
                onClick={() => setSubmitOpen(true)}
                data-testid="submit-gross-profit"
              >
                <Icon name="play" size={12} /> Submit gross-profit job
              </button>
            )}
          </div>
        </div>
        <div className="panel-body">
          {detail.error && <ErrorBanner error={detail.error} onRetry={reload} />}
          {!cluster && !detail.error && <Loading />}
          {cluster?.stateChangeReason?.message && (
            <p className="state-reason" data-testid="cluster-state-reason">
              <span className="mono">{cluster.stateChangeReason.code ?? 'Reason'}</span>:{' '}
              {cluster.stateChangeReason.message}
            </p>
          )}
          {cluster && <ClusterOverview cluster={cluster} />}
        </div>
      </section>
      {runs.map((run) => (
        <SubmittedStepPanel
          key={run.submitted.stepId}
          run={run}
          step={steps.steps?.find((s) => s.id === run.submitted.stepId)}
          onDismiss={() => onDismissRun(run.submitted.stepId)}
        />
      ))}
      <Panel
        className="flush"
        testId="steps-panel"
        title={steps.steps ? `Steps (${steps.steps.length}${steps.nextToken ? '+' : ''})` : 'Steps'}
        actions={
          <button type="button" className="button small subtle" onClick={steps.reload}>
            <Icon name="refresh" size={13} /> Refresh
          </button>
        }
      >
        {steps.error && <ErrorBanner error={steps.error} compact onRetry={steps.reload} />}
        {!steps.steps && !steps.error && <Loading />}
        {steps.steps?.length === 0 && <p className="muted pad">No steps have run on this cluster.</p>}
        {steps.steps && steps.steps.length > 0 && (
          <StepList
            steps={steps.steps}
            selected={selectedStep}
            onSelect={(id) => onSelectStep(id === selectedStep ? undefined : id)}
          />
        )}
        {steps.nextToken && (
          <div className="load-more">
            <button type="button" className="button small" onClick={steps.loadMore}>
              Older steps
            </button>
          </div>
        )}
        {step && (
          <StepDetail
            workspaceId={workspaceId}
            clusterId={clusterId}
            step={step}
            onClose={() => onSelectStep(undefined)}
          />
        )}
      </Panel>
      {isSubmitOpen && cluster && (
        <GrossProfitDialog
          workspaceId={workspaceId}
          cluster={cluster}
          onClose={() => setSubmitOpen(false)}
          onSubmitted={(submitted) => {
            setSubmitOpen(false);
            onSubmitted(submitted);
            steps.reload();
          }}
        />
      )}
    </div>
  );
}
