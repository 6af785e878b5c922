import {
  AddJobFlowStepsCommand,
  CancelStepsCommand,
  DescribeStepCommand,
  ListStepsCommand,
  type EMRClient,
  type StepStatus,
  type StepSummary,
} from '@aws-sdk/client-emr';
import { LakeError } from '@shared/errors';
import type { Step, StepState } from '@shared/emr.schema';
import type { AwsCaller } from '../aws-caller';
import { emrInvalid } from './aws-emr-clusters';

/** EMR's step (DescribeStep's Step has the same shape as ListSteps' StepSummary). */
function toStep(s: StepSummary & { Status?: StepStatus }): Step {
  const st = s.Status ?? {};
  const t = st.Timeline ?? {};
  const reason = st.StateChangeReason;
  const f = st.FailureDetails;
  return {
    id: s.Id ?? '',
    name: s.Name ?? '',
    state: (st.State ?? 'PENDING') as StepState,
    ...(s.ActionOnFailure ? { actionOnFailure: s.ActionOnFailure } : {}),
    ...(s.Config?.Jar ? { jar: s.Config.Jar } : {}),
    args: s.Config?.Args ?? [],
    ...(t.CreationDateTime ? { createdAt: t.CreationDateTime.toISOString() } : {}),
    ...(t.StartDateTime ? { startedAt: t.StartDateTime.toISOString() } : {}),
    ...(t.EndDateTime ? { endedAt: t.EndDateTime.toISOString() } : {}),
    ...(reason?.Code || reason?.Message
      ? {
          stateChangeReason: {
            ...(reason.Code ? { code: reason.Code } : {}),
            ...(reason.Message ? { message: reason.Message } : {}),
          },
        }
      : {}),
    ...(f
      ? {
          failure: {
            ...(f.Reason ? { reason: f.Reason } : {}),
            ...(f.Message ? { message: f.Message } : {}),
            ...(f.LogFile ? { logFile: f.LogFile } : {}),
          },
        }
      : {}),
  };
}

export async function listSteps(
  emr: EMRClient,
  caller: AwsCaller,
  q: { clusterId: string; states?: StepState[]; nextToken?: string },
): Promise<{ steps: Step[]; nextToken?: string }> {
  const page = await caller.call(
    'ListSteps',
    () =>
      emr.send(
        new ListStepsCommand({
          ClusterId: q.clusterId,
          ...(q.states?.length ? { StepStates: q.states } : {}),
          Marker: q.nextToken,
        }),
      ),
    { action: `Listing the steps of cluster ${q.clusterId}` },
    emrInvalid,
  );
  return { steps: (page.Steps ?? []).map(toStep), ...(page.Marker ? { nextToken: page.Marker } : {}) };
}

export async function getStep(
  emr: EMRClient,
  caller: AwsCaller,
  clusterId: string,
  stepId: string,
): Promise<Step> {
  const { Step: step } = await caller.call(
    'DescribeStep',
    () => emr.send(new DescribeStepCommand({ ClusterId: clusterId, StepId: stepId })),
    { action: `Reading step ${stepId}` },
    emrInvalid,
  );
  return toStep(step ?? {});
}

/** AddJobFlowSteps with one command-runner step; a failed step lets the cluster go on (CONTINUE). */
export async function addStep(
  emr: EMRClient,
  caller: AwsCaller,
  clusterId: string,
  name: string,
  args: string[],
): Promise<string> {
  const { StepIds } = await caller.call(
    'AddJobFlowSteps',
    () =>
      emr.send(
        new AddJobFlowStepsCommand({
          JobFlowId: clusterId,
          Steps: [
            {
              Name: name,
              ActionOnFailure: 'CONTINUE',
              HadoopJarStep: { Jar: 'command-runner.jar', Args: args },
            },
          ],
        }),
      ),
    { action: `Submitting step "${name}" to cluster ${clusterId}` },
    {
      ...emrInvalid,
      ValidationException: (m) =>
        new LakeError(
          'BAD_INPUT',
          `Cluster ${clusterId} does not take steps now: ${m}`,
          'Choose a cluster that is WAITING or RUNNING.',
        ),
    },
  );
  const stepId = StepIds?.[0];
  if (!stepId)
    throw new LakeError('AWS_ERROR', `EMR accepted the step for ${clusterId} but returned no step id.`);
  return stepId;
}

/** CancelSteps (SEND_INTERRUPT): a refusal for this step (already ended…) comes back as BAD_INPUT. */
export async function cancelStep(
  emr: EMRClient,
  caller: AwsCaller,
  clusterId: string,
  stepId: string,
): Promise<void> {
  const { CancelStepsInfoList } = await caller.call(
    'CancelSteps',
    () =>
      emr.send(
        new CancelStepsCommand({
          ClusterId: clusterId,
          StepIds: [stepId],
          StepCancellationOption: 'SEND_INTERRUPT',
        }),
      ),
    { action: `Cancelling step ${stepId}` },
    emrInvalid,
  );
  const info = CancelStepsInfoList?.find((i) => i.StepId === stepId);
  if (info?.Status === 'FAILED')
    throw new LakeError(
      'BAD_INPUT',
      `EMR did not cancel step ${stepId}: ${info.Reason ?? 'no reason given'}.`,
    );
}
