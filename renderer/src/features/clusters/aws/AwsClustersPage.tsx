import { useState } from 'react';
import type { SubmittedStep } from '@shared/emr.schema';
import type { Workspace } from '@shared/workspaces.schema';
import { routeHref } from '../../../app/route';
import type { PageProps } from '../../../app/Shell';
import { EmptyState } from '../../../components/EmptyState';
import { Icon } from '../../../components/Icon';
import { PageHeader } from '../../../components/Layout';
import { useLake } from '../../../lib/LakeProvider';
import { ClusterList } from './ClusterList';
import { ClusterPanel } from './ClusterPanel';
import { LaunchClusterDialog } from './LaunchClusterDialog';
import type { SubmittedRun } from './SubmittedStepPanel';
import { useClusterList, type ClusterFilter } from './useClusterList';

const isFilter = (v: string | null): v is ClusterFilter =>
  v === 'active' || v === 'terminated' || v === 'all';

/**
 * EMR in an AWS workspace: clusters (filtered, paged), one cluster in full with its steps, the
 * gross-profit Spark step submitted and watched to its output. Route: `#/clusters?filter=…&cluster=…&step=…`.
 */
export function AwsClustersPage({ route, navigate, workspace }: PageProps & { workspace: Workspace }) {
  const lake = useLake();
  const filterParam = route.params.get('filter');
  const filter: ClusterFilter = isFilter(filterParam) ? filterParam : 'active';
  const list = useClusterList(workspace.id, filter);
  const clusterId = route.params.get('cluster') ?? list.clusters?.[0]?.id;
  const [runs, setRuns] = useState<SubmittedRun[]>([]);
  const [isLaunchOpen, setLaunchOpen] = useState(false);
  const go = (next: { filter?: ClusterFilter; cluster?: string; step?: string }) =>
    navigate(routeHref('clusters', '', { filter: filter === 'active' ? undefined : filter, ...next }));

  const submitted = (s: SubmittedStep) => {
    const run: SubmittedRun = {
      workspaceId: workspace.id,
      submitted: s,
      submittedAt: Date.now(),
      jobId: undefined,
    };
    setRuns((r) => [run, ...r]);
    // A job watches the step to its end (it is in the jobs menu); its failure to start leaves the events.
    lake
      .call('clusters.waitForStep', { workspaceId: workspace.id, clusterId: s.clusterId, stepId: s.stepId })
      .then(
        ({ jobId }) => setRuns((r) => r.map((x) => (x.submitted.stepId === s.stepId ? { ...x, jobId } : x))),
        () => undefined,
      );
  };

  return (
    <div className="page" data-testid="page-clusters" data-kind="aws">
      <PageHeader
        title="Clusters"
        subtitle={`EMR clusters${workspace.aws ? ` in ${workspace.aws.region}` : ''}: their state and cost, their steps, and the gross-profit Spark job.`}
        actions={
          <>
            <button type="button" className="button" onClick={list.reload}>
              <Icon name="refresh" size={15} /> Refresh
            </button>
            <button
              type="button"
              className="button"
              onClick={() => setLaunchOpen(true)}
              data-testid="launch-cluster"
            >
              <Icon name="plus" size={15} /> Launch cluster
            </button>
          </>
        }
      />
      <div className="clusters-split">
        <ClusterList
          list={list}
          filter={filter}
          onFilter={(f) => navigate(routeHref('clusters', '', { filter: f === 'active' ? undefined : f }))}
          selected={clusterId}
          onSelect={(id) => go({ cluster: id })}
        />
        {clusterId ? (
          <ClusterPanel
            key={clusterId}
            workspaceId={workspace.id}
            clusterId={clusterId}
            selectedStep={route.params.get('step') ?? undefined}
            onSelectStep={(step) => go({ cluster: clusterId, step })}
            runs={runs.filter((r) => r.submitted.clusterId === clusterId)}
            onSubmitted={submitted}
            onDismissRun={(stepId) => setRuns((r) => r.filter((x) => x.submitted.stepId !== stepId))}
          />
        ) : (
          list.clusters && (
            <EmptyState icon="clusters" title="Choose a cluster" testId="no-cluster">
              Its state, instances, cost and steps show here.
            </EmptyState>
          )
        )}
      </div>
      {isLaunchOpen && (
        <LaunchClusterDialog
          workspaceId={workspace.id}
          likeClusterId={clusterId}
          onClose={() => setLaunchOpen(false)}
          onLaunched={(cluster) => {
            setLaunchOpen(false);
            list.reload();
            go({ cluster: cluster.id });
          }}
        />
      )}
    </div>
  );
}
