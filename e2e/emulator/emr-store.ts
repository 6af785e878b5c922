import { randomBytes } from 'node:crypto';
import { ServiceError } from './protocols';

/* EMR clusters and steps, kept in EMR's wire shapes (PascalCase, epoch seconds). */

export type ClusterState =
  | 'STARTING'
  | 'BOOTSTRAPPING'
  | 'RUNNING'
  | 'WAITING'
  | 'TERMINATING'
  | 'TERMINATED'
  | 'TERMINATED_WITH_ERRORS';

export type StepState =
  'PENDING' | 'CANCEL_PENDING' | 'RUNNING' | 'COMPLETED' | 'CANCELLED' | 'FAILED' | 'INTERRUPTED';

export interface StepRecord {
  Id: string;
  Name: string;
  ActionOnFailure: string;
  Config: { Jar: string; Args: string[]; Properties: Record<string, string> };
  Status: {
    State: StepState;
    StateChangeReason: { Code?: string; Message?: string };
    FailureDetails?: { Reason: string; Message: string; LogFile: string };
    Timeline: { CreationDateTime: number; StartDateTime?: number; EndDateTime?: number };
  };
}

export interface InstanceGroupRecord {
  Id: string;
  Name: string;
  Market: 'ON_DEMAND' | 'SPOT';
  InstanceGroupType: 'MASTER' | 'CORE' | 'TASK';
  InstanceType: string;
  RequestedInstanceCount: number;
  RunningInstanceCount: number;
  Status: { State: string };
}

export interface InstanceFleetRecord {
  Id: string;
  Name: string;
  InstanceFleetType: 'MASTER' | 'CORE' | 'TASK';
  TargetOnDemandCapacity: number;
  TargetSpotCapacity: number;
  ProvisionedOnDemandCapacity: number;
  ProvisionedSpotCapacity: number;
  InstanceTypeSpecifications: Array<{ InstanceType: string; WeightedCapacity: number }>;
  Status: { State: string };
}

export interface ClusterRecord {
  Id: string;
  Name: string;
  ClusterArn: string;
  Status: {
    State: ClusterState;
    StateChangeReason: { Code?: string; Message?: string };
    Timeline: { CreationDateTime: number; ReadyDateTime?: number; EndDateTime?: number };
  };
  ReleaseLabel: string;
  Applications: Array<{ Name: string; Version: string }>;
  LogUri: string;
  InstanceCollectionType: 'INSTANCE_GROUP' | 'INSTANCE_FLEET';
  AutoTerminate: boolean;
  TerminationProtected: boolean;
  ServiceRole: string;
  MasterPublicDnsName: string;
  Tags: Array<{ Key: string; Value: string }>;
  instanceGroups: InstanceGroupRecord[];
  instanceFleets: InstanceFleetRecord[];
  steps: StepRecord[];
}

const now = () => Date.now() / 1000;
const id = (prefix: string, n: number) => `${prefix}${randomBytes(n).toString('hex').toUpperCase()}`;

/** EMR's normalization factors: instance hours count as size units (small = 1, xlarge = 8…). */
export function normalizationFactor(instanceType: string): number {
  const size = instanceType.split('.')[1] ?? 'large';
  const named: Record<string, number> = { nano: 0.25, micro: 0.5, small: 1, medium: 2, large: 4, xlarge: 8 };
  if (named[size] !== undefined) return named[size]!;
  const n = Number(/^(\d+)xlarge$/.exec(size)?.[1] ?? '1');
  return 8 * n;
}

/** Every cluster's instances, counted as EMR does: each started hour of each instance, normalized. */
export function normalizedHours(c: ClusterRecord): number {
  const t = c.Status.Timeline;
  if (!t.ReadyDateTime) return 0;
  const hours = Math.max(1, Math.ceil(((t.EndDateTime ?? now()) - t.ReadyDateTime) / 3600));
  const units =
    c.InstanceCollectionType === 'INSTANCE_GROUP'
      ? c.instanceGroups.reduce(
          (s, g) => s + g.RequestedInstanceCount * normalizationFactor(g.InstanceType),
          0,
        )
      : c.instanceFleets.reduce(
          (s, f) =>
            s +
            (f.TargetOnDemandCapacity + f.TargetSpotCapacity) *
              normalizationFactor(f.InstanceTypeSpecifications[0]?.InstanceType ?? 'm5.xlarge'),
          0,
        );
  return units * hours;
}

export function newCluster(
  def: Pick<ClusterRecord, 'Name' | 'LogUri'> & Partial<ClusterRecord>,
  state: ClusterState = 'WAITING',
): ClusterRecord {
  const clusterId = id('j-', 6).slice(0, 15);
  const created = now();
  const ready = state === 'STARTING' ? undefined : created;
  return {
    Id: clusterId,
    ClusterArn: `arn:aws:elasticmapreduce:eu-west-1:000000000000:cluster/${clusterId}`,
    Status: {
      State: state,
      StateChangeReason: {},
      Timeline: { CreationDateTime: created, ...(ready ? { ReadyDateTime: ready } : {}) },
    },
    ReleaseLabel: 'emr-7.5.0',
    Applications: [
      { Name: 'Spark', Version: '3.5.2' },
      { Name: 'Hadoop', Version: '3.4.0' },
      { Name: 'Hive', Version: '3.1.3' },
    ],
    InstanceCollectionType: 'INSTANCE_GROUP',
    AutoTerminate: false,
    TerminationProtected: false,
    ServiceRole: 'EMR_DefaultRole',
    MasterPublicDnsName: `ip-10-0-0-${Math.floor(Math.random() * 250)}.eu-west-1.compute.internal`,
    Tags: [],
    instanceGroups: [groupOf('MASTER', 'm5.xlarge', 1), groupOf('CORE', 'm5.xlarge', 2)],
    instanceFleets: [],
    steps: [],
    ...def,
  };
}

export function groupOf(
  type: InstanceGroupRecord['InstanceGroupType'],
  instanceType: string,
  count: number,
): InstanceGroupRecord {
  return {
    Id: id('ig-', 6),
    Name: `${type[0]}${type.slice(1).toLowerCase()} - ${instanceType}`,
    Market: 'ON_DEMAND',
    InstanceGroupType: type,
    InstanceType: instanceType,
    RequestedInstanceCount: count,
    RunningInstanceCount: count,
    Status: { State: 'RUNNING' },
  };
}

export function newStep(def: {
  Name: string;
  ActionOnFailure?: string;
  HadoopJarStep: { Jar: string; Args?: string[] };
}): StepRecord {
  return {
    Id: id('s-', 8).slice(0, 15),
    Name: def.Name,
    ActionOnFailure: def.ActionOnFailure ?? 'CONTINUE',
    Config: { Jar: def.HadoopJarStep.Jar, Args: def.HadoopJarStep.Args ?? [], Properties: {} },
    Status: { State: 'PENDING', StateChangeReason: {}, Timeline: { CreationDateTime: now() } },
  };
}

/** The clusters of one account, newest first as ListClusters answers. */
export class EmrStore {
  readonly clusters: ClusterRecord[] = [];

  add(cluster: ClusterRecord): ClusterRecord {
    this.clusters.unshift(cluster);
    return cluster;
  }

  cluster(clusterId: string): ClusterRecord {
    const cluster = this.clusters.find((c) => c.Id === clusterId);
    if (!cluster)
      throw new ServiceError(400, 'InvalidRequestException', `Cluster id '${clusterId}' is not valid.`);
    return cluster;
  }

  step(clusterId: string, stepId: string): StepRecord {
    const step = this.cluster(clusterId).steps.find((s) => s.Id === stepId);
    if (!step) throw new ServiceError(400, 'InvalidRequestException', `Step id '${stepId}' is not valid.`);
    return step;
  }
}

export const nowEpoch = now;
