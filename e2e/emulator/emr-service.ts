import type { StepRuns } from './emr-step-runs';
import {
  groupOf,
  newCluster,
  newStep,
  normalizedHours,
  type ClusterRecord,
  type EmrStore,
} from './emr-store';
import { awsJson, json, ServiceError, type EmulatorRequest } from './protocols';
import type { ServiceDefinition } from './service-server';

type Body = Record<string, unknown>;
const bodyOf = (req: EmulatorRequest): Body =>
  req.body.length ? (JSON.parse(req.body.toString('utf8')) as Body) : {};

/** EMR pages with an opaque Marker (here a base64 offset), 50 items a page unless told. */
function paged<T>(items: T[], body: Body, size: number): { items: T[]; Marker?: string } {
  const start = Number(Buffer.from(String(body.Marker ?? ''), 'base64').toString() || '0');
  const end = start + size;
  return {
    items: items.slice(start, end),
    ...(end < items.length ? { Marker: Buffer.from(String(end)).toString('base64') } : {}),
  };
}

function summary(c: ClusterRecord) {
  return {
    Id: c.Id,
    Name: c.Name,
    Status: c.Status,
    NormalizedInstanceHours: normalizedHours(c),
    ClusterArn: c.ClusterArn,
  };
}

function described(c: ClusterRecord) {
  const { instanceGroups: _g, instanceFleets: _f, steps: _s, ...wire } = c;
  return {
    ...wire,
    NormalizedInstanceHours: normalizedHours(c),
    Ec2InstanceAttributes: { Ec2AvailabilityZone: 'eu-west-1a', IamInstanceProfile: 'EMR_EC2_DefaultRole' },
    StepConcurrencyLevel: 1,
  };
}

interface RunJobFlowInstances {
  InstanceGroups?: Array<{
    InstanceRole: 'MASTER' | 'CORE' | 'TASK';
    InstanceType: string;
    InstanceCount: number;
  }>;
  MasterInstanceType?: string;
  SlaveInstanceType?: string;
  InstanceCount?: number;
  KeepJobFlowAliveWhenNoSteps?: boolean;
}

function runJobFlow(store: EmrStore, runs: StepRuns, body: Body): ClusterRecord {
  const instances = (body.Instances ?? {}) as RunJobFlowInstances;
  const groups = instances.InstanceGroups?.map((g) =>
    groupOf(g.InstanceRole, g.InstanceType, g.InstanceCount),
  ) ?? [
    groupOf('MASTER', instances.MasterInstanceType ?? 'm5.xlarge', 1),
    ...((instances.InstanceCount ?? 1) > 1
      ? [groupOf('CORE', instances.SlaveInstanceType ?? 'm5.xlarge', (instances.InstanceCount ?? 1) - 1)]
      : []),
  ];
  if (typeof body.Name !== 'string' || !body.Name)
    throw new ServiceError(400, 'ValidationException', 'Name is required');
  const cluster = newCluster(
    {
      Name: body.Name,
      LogUri: String(body.LogUri ?? ''),
      ReleaseLabel: String(body.ReleaseLabel ?? 'emr-7.5.0'),
      AutoTerminate: instances.KeepJobFlowAliveWhenNoSteps === false,
      instanceGroups: groups,
      Tags: (body.Tags as ClusterRecord['Tags'] | undefined) ?? [],
      ...(Array.isArray(body.Applications)
        ? {
            Applications: (body.Applications as Array<{ Name: string }>).map((a) => ({
              Name: a.Name,
              Version: '3.5.2',
            })),
          }
        : {}),
    },
    'STARTING',
  );
  store.add(cluster);
  const steps = ((body.Steps as Parameters<typeof newStep>[0][] | undefined) ?? []).map(newStep);
  cluster.steps.push(...steps);
  runs.launch(cluster);
  return cluster;
}

/** Amazon EMR (awsJson 1.1, `ElasticMapReduce.<Operation>`): clusters, instance groups/fleets, steps. */
export function emrService(store: EmrStore, runs: StepRuns, pageSize = 50): ServiceDefinition {
  const cluster = (body: Body, key = 'ClusterId') => store.cluster(String(body[key] ?? ''));
  return {
    name: 'emr',
    protocol: awsJson,
    operations: {
      ListClusters: (req) => {
        const body = bodyOf(req);
        const states = body.ClusterStates as string[] | undefined;
        const after = typeof body.CreatedAfter === 'number' ? body.CreatedAfter : 0;
        const list = store.clusters.filter(
          (c) =>
            (!states?.length || states.includes(c.Status.State)) &&
            c.Status.Timeline.CreationDateTime >= after,
        );
        const page = paged(list, body, pageSize);
        return json({ Clusters: page.items.map(summary), ...(page.Marker ? { Marker: page.Marker } : {}) });
      },
      DescribeCluster: (req) => json({ Cluster: described(cluster(bodyOf(req))) }),
      ListInstanceGroups: (req) => json({ InstanceGroups: cluster(bodyOf(req)).instanceGroups }),
      ListInstanceFleets: (req) => json({ InstanceFleets: cluster(bodyOf(req)).instanceFleets }),
      ListSteps: (req) => {
        const body = bodyOf(req);
        const states = body.StepStates as string[] | undefined;
        const ids = body.StepIds as string[] | undefined;
        const list = [...cluster(body).steps]
          .reverse()
          .filter(
            (s) =>
              (!states?.length || states.includes(s.Status.State)) && (!ids?.length || ids.includes(s.Id)),
          );
        const page = paged(list, body, pageSize);
        return json({ Steps: page.items, ...(page.Marker ? { Marker: page.Marker } : {}) });
      },
      DescribeStep: (req) => {
        const body = bodyOf(req);
        return json({ Step: store.step(String(body.ClusterId ?? ''), String(body.StepId ?? '')) });
      },
      AddJobFlowSteps: (req) => {
        const body = bodyOf(req);
        const target = cluster(body, 'JobFlowId');
        if (target.Status.State.startsWith('TERMINAT'))
          throw new ServiceError(
            400,
            'ValidationException',
            'A job flow that is shutting down, terminated, or finished may not be modified.',
          );
        const steps = ((body.Steps as Parameters<typeof newStep>[0][] | undefined) ?? []).map(newStep);
        runs.add(target, steps);
        return json({ StepIds: steps.map((s) => s.Id) });
      },
      CancelSteps: (req) => {
        const body = bodyOf(req);
        return json({
          CancelStepsInfoList: runs.cancel(cluster(body), (body.StepIds as string[] | undefined) ?? []),
        });
      },
      RunJobFlow: (req) => {
        const created = runJobFlow(store, runs, bodyOf(req));
        return json({ JobFlowId: created.Id, ClusterArn: created.ClusterArn });
      },
      TerminateJobFlows: (req) => {
        for (const id of (bodyOf(req).JobFlowIds as string[] | undefined) ?? [])
          runs.terminate(store.cluster(id), 'USER_REQUEST', 'Terminated by user request');
        return json({});
      },
    },
  };
}
