import {
  DescribeClusterCommand,
  ListClustersCommand,
  ListInstanceFleetsCommand,
  ListInstanceGroupsCommand,
  type ClusterState as EmrClusterState,
  type ClusterStatus,
  type EMRClient,
} from '@aws-sdk/client-emr';
import { LakeError } from '@shared/errors';
import type { ClusterDetail, ClusterSummary } from '@shared/emr.schema';
import type { AwsCaller, KnownErrors } from '../aws-caller';
import { estimateCost } from './cluster-cost';

const ACTIVE: EmrClusterState[] = ['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING', 'TERMINATING'];
const TERMINATED: EmrClusterState[] = ['TERMINATED', 'TERMINATED_WITH_ERRORS'];

export const emrInvalid: KnownErrors = {
  InvalidRequestException: (m) =>
    new LakeError('NOT_FOUND', `EMR: ${m}`, 'Check the cluster or step id, or refresh the list.'),
};

function summaryOf(
  id: string | undefined,
  name: string | undefined,
  status: ClusterStatus | undefined,
  hours: number | undefined,
): ClusterSummary {
  const t = status?.Timeline ?? {};
  const reason = status?.StateChangeReason;
  return {
    id: id ?? '',
    name: name ?? '',
    state: (status?.State ?? 'STARTING') as ClusterSummary['state'],
    ...(reason?.Code || reason?.Message
      ? {
          stateChangeReason: {
            ...(reason.Code ? { code: reason.Code } : {}),
            ...(reason.Message ? { message: reason.Message } : {}),
          },
        }
      : {}),
    createdAt: (t.CreationDateTime ?? new Date(0)).toISOString(),
    ...(t.ReadyDateTime ? { readyAt: t.ReadyDateTime.toISOString() } : {}),
    ...(t.EndDateTime ? { endedAt: t.EndDateTime.toISOString() } : {}),
    normalizedInstanceHours: hours ?? 0,
  };
}

/** One page (EMR's 50) of clusters, newest first. */
export async function listClusters(
  emr: EMRClient,
  caller: AwsCaller,
  q: { filter: 'active' | 'terminated' | 'all'; nextToken?: string },
): Promise<{ clusters: ClusterSummary[]; nextToken?: string }> {
  const states = q.filter === 'active' ? ACTIVE : q.filter === 'terminated' ? TERMINATED : undefined;
  const page = await caller.call(
    'ListClusters',
    () =>
      emr.send(
        new ListClustersCommand({ ...(states ? { ClusterStates: states } : {}), Marker: q.nextToken }),
      ),
    { action: 'Listing the EMR clusters' },
  );
  return {
    clusters: (page.Clusters ?? []).map((c) => summaryOf(c.Id, c.Name, c.Status, c.NormalizedInstanceHours)),
    ...(page.Marker ? { nextToken: page.Marker } : {}),
  };
}

/** A cluster in full: DescribeCluster, its instance groups or fleets, and a cost estimate. */
export async function getCluster(
  emr: EMRClient,
  caller: AwsCaller,
  clusterId: string,
): Promise<ClusterDetail> {
  const denied = { action: `Reading EMR cluster ${clusterId}` };
  const { Cluster: c = {} } = await caller.call(
    'DescribeCluster',
    () => emr.send(new DescribeClusterCommand({ ClusterId: clusterId })),
    denied,
    emrInvalid,
  );
  const fleets = c.InstanceCollectionType === 'INSTANCE_FLEET';
  const groups = fleets
    ? []
    : ((
        await caller.call(
          'ListInstanceGroups',
          () => emr.send(new ListInstanceGroupsCommand({ ClusterId: clusterId })),
          denied,
        )
      ).InstanceGroups ?? []);
  const fleetList = fleets
    ? ((
        await caller.call(
          'ListInstanceFleets',
          () => emr.send(new ListInstanceFleetsCommand({ ClusterId: clusterId })),
          denied,
        )
      ).InstanceFleets ?? [])
    : [];
  const counts = fleets
    ? fleetList.map((f) => ({
        instanceType: f.InstanceTypeSpecifications?.[0]?.InstanceType ?? 'm5.xlarge',
        count: (f.TargetOnDemandCapacity ?? 0) + (f.TargetSpotCapacity ?? 0),
      }))
    : groups.map((g) => ({
        instanceType: g.InstanceType ?? 'm5.xlarge',
        count: g.RequestedInstanceCount ?? 0,
      }));
  return {
    ...summaryOf(c.Id, c.Name, c.Status, c.NormalizedInstanceHours),
    ...(c.ReleaseLabel ? { releaseLabel: c.ReleaseLabel } : {}),
    applications: (c.Applications ?? []).map((a) => ({
      name: a.Name ?? '',
      ...(a.Version ? { version: a.Version } : {}),
    })),
    ...(c.LogUri ? { logUri: c.LogUri } : {}),
    ...(c.InstanceCollectionType
      ? { instanceCollectionType: c.InstanceCollectionType as 'INSTANCE_GROUP' | 'INSTANCE_FLEET' }
      : {}),
    instanceGroups: groups.map((g) => ({
      id: g.Id ?? '',
      role: (g.InstanceGroupType ?? 'CORE') as 'MASTER' | 'CORE' | 'TASK',
      market: g.Market ?? 'ON_DEMAND',
      instanceType: g.InstanceType ?? '',
      requested: g.RequestedInstanceCount ?? 0,
      running: g.RunningInstanceCount ?? 0,
      state: g.Status?.State ?? 'UNKNOWN',
    })),
    instanceFleets: fleetList.map((f) => ({
      id: f.Id ?? '',
      role: (f.InstanceFleetType ?? 'CORE') as 'MASTER' | 'CORE' | 'TASK',
      targetOnDemand: f.TargetOnDemandCapacity ?? 0,
      targetSpot: f.TargetSpotCapacity ?? 0,
      provisionedOnDemand: f.ProvisionedOnDemandCapacity ?? 0,
      provisionedSpot: f.ProvisionedSpotCapacity ?? 0,
      instanceTypes: (f.InstanceTypeSpecifications ?? []).map((s) => s.InstanceType ?? ''),
      state: f.Status?.State ?? 'UNKNOWN',
    })),
    autoTerminate: c.AutoTerminate ?? false,
    terminationProtected: c.TerminationProtected ?? false,
    ...(c.MasterPublicDnsName ? { masterPublicDnsName: c.MasterPublicDnsName } : {}),
    tags: Object.fromEntries((c.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
    cost: estimateCost(counts, c.NormalizedInstanceHours ?? 0),
  };
}
