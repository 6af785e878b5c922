import { RunJobFlowCommand, type EMRClient, type RunJobFlowCommandInput } from '@aws-sdk/client-emr';
import type { ClusterSummary, ClusterTemplate } from '@shared/emr.schema';
import type { AwsCaller } from '../aws-caller';
import { listClusters } from './aws-emr-clusters';

/** RunJobFlow for a transient cluster: it terminates itself after `idleTimeoutMinutes` without work. */
export async function runJobFlow(
  emr: EMRClient,
  caller: AwsCaller,
  t: ClusterTemplate,
): Promise<ClusterSummary> {
  const input: RunJobFlowCommandInput = {
    Name: t.name,
    LogUri: t.logUri,
    ReleaseLabel: t.releaseLabel,
    Applications: t.applications.map((Name) => ({ Name })),
    ServiceRole: t.serviceRole,
    JobFlowRole: t.instanceProfile,
    VisibleToAllUsers: true,
    Instances: {
      InstanceGroups: [
        {
          InstanceRole: 'MASTER',
          InstanceType: t.primaryInstanceType,
          InstanceCount: 1,
          Market: 'ON_DEMAND',
        },
        ...(t.coreInstanceCount > 0
          ? [
              {
                InstanceRole: 'CORE' as const,
                InstanceType: t.coreInstanceType,
                InstanceCount: t.coreInstanceCount,
                Market: 'ON_DEMAND' as const,
              },
            ]
          : []),
      ],
      KeepJobFlowAliveWhenNoSteps: true,
    },
    AutoTerminationPolicy: { IdleTimeout: t.idleTimeoutMinutes * 60 },
    Tags: [{ Key: 'created-by', Value: 'lakedesk' }],
  };
  const { JobFlowId } = await caller.call('RunJobFlow', () => emr.send(new RunJobFlowCommand(input)), {
    action: `Launching cluster ${t.name}`,
  });
  return (
    (await listClusters(emr, caller, { filter: 'active' })).clusters.find((c) => c.id === JobFlowId) ?? {
      id: JobFlowId ?? '',
      name: t.name,
      state: 'STARTING',
      createdAt: new Date().toISOString(),
      normalizedInstanceHours: 0,
    }
  );
}
