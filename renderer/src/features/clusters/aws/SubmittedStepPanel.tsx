import { useState } from 'react';
import { contract } from '@shared/contract';
import type { Step, StepState, SubmittedStep } from '@shared/emr.schema';
import type { LakeErrorShape } from '@shared/errors';
import type { Job } from '@shared/jobs.schema';
import { useJobs } from '../../../app/JobsContext';
import { CopyButton } from '../../../components/CopyButton';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Fact, Facts } from '../../../components/Facts';
import { Icon } from '../../../components/Icon';
import { ProgressBar } from '../../../components/ProgressBar';
import { useNow } from '../../accounts/useNow';
import { formatDuration } from '../../../lib/format';
import { useLake } from '../../../lib/LakeProvider';
import { toErrorShape } from '../../../lib/lake-error';
import { isStepFinal, STEP_STATE_TONE } from './emr-view';
import { StateBadge } from './StateBadge';
import { FailureBox } from './StepDetail';
import { StepLogPanel } from './StepLogPanel';
import { StepOutputPanel } from './StepOutputPanel';

/** A gross-profit run submitted from this view, and the `clusters.waitForStep` job watching it. */
export interface SubmittedRun {
  workspaceId: string;
  submitted: SubmittedStep;
  submittedAt: number;
  jobId: string | undefined;
}

/**
 * Watches a submitted run to its end: the step's state live, cancel (CancelSteps, then the panel waits
 * until EMR settles the step), and at the end its output, or its failure with the step's stderr.
 */
export function SubmittedStepPanel({
  run,
  step,
  onDismiss,
}: {
  run: SubmittedRun;
  /** The step as the steps list has it now (kept live by events). */
  step: Step | undefined;
  onDismiss: () => void;
}) {
  const lake = useLake();
  const { jobs } = useJobs();
  const job = jobs.find((j) => j.id === run.jobId);
  const { clusterId, stepId, runId, output, code } = run.submitted;
  const [cancelError, setCancelError] = useState<LakeErrorShape | undefined>(undefined);
  const [isCancelAsked, setCancelAsked] = useState(false);
  const parsed =
    job?.state === 'succeeded' ? contract['clusters.waitForStep'].job.safeParse(job.result) : undefined;
  const outcome = parsed?.success ? parsed.data : undefined;
  const state = stateOf(outcome?.step ?? step, job?.state);
  // The job reads the output files once the step ends: the run is over when both are.
  const isJobDone = run.jobId === undefined || (job !== undefined && job.state !== 'running');
  const isEnded = isStepFinal(state) && isJobDone;
  const now = useNow(1000, !isEnded);
  const took = step?.startedAt
    ? (step.endedAt ? Date.parse(step.endedAt) : now) - Date.parse(step.startedAt)
    : now - run.submittedAt;

  const cancel = async () => {
    setCancelError(undefined);
    setCancelAsked(true);
    try {
      await lake.call('clusters.cancelStep', { workspaceId: run.workspaceId, clusterId, stepId });
    } catch (error) {
      setCancelAsked(false);
      setCancelError(toErrorShape(error));
    }
  };

  return (
    <section
      className={`panel submitted-step tone-border-${isEnded ? STEP_STATE_TONE[state] : 'accent'}`}
      data-testid="submitted-step"
      data-step={stepId}
      data-state={state}
      data-ended={isEnded}
    >
      <div className="panel-header">
        <Icon name="play" size={15} className="muted" />
        <h2 className="panel-title row tight">
          Gross profit run <span className="mono">{runId}</span>
          <StateBadge kind="step" state={state} />
          <span className="muted normal">{formatDuration(Math.max(0, took))}</span>
        </h2>
        <div className="panel-actions">
          {!isEnded && (
            <button
              type="button"
              className="button small danger"
              onClick={() => void cancel()}
              disabled={isCancelAsked || state === 'CANCEL_PENDING'}
              data-testid="step-cancel"
            >
              <Icon name="stop" size={12} /> {isCancelAsked ? 'Cancelling…' : 'Cancel step'}
            </button>
          )}
          {isEnded && (
            <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
              <Icon name="close" size={14} />
            </button>
          )}
        </div>
      </div>
      <div className="panel-body stack">
        <Facts columns={1}>
          <Fact label="Step">
            <span className="mono">{stepId}</span>
          </Fact>
          <Fact label="Writes to">
            <span className="row tight wrap">
              <span className="mono">{output.prefix}</span>
              <CopyButton text={output.prefix} />
            </span>
          </Fact>
          <Fact label="Code">
            <span className="mono">{code.prefix}</span>{' '}
            <span className="muted">
              ({code.uploaded.length} uploaded, {code.reused.length} unchanged)
            </span>
          </Fact>
        </Facts>
        {!isEnded && (
          <ProgressBar
            label="Gross profit step"
            progress={{
              done: 0,
              message:
                state === 'CANCEL_PENDING' || isCancelAsked
                  ? 'Cancelling: waiting for EMR to settle the step…'
                  : state === 'PENDING'
                    ? 'Waiting for the cluster to start the step…'
                    : 'Spark is running the gross-profit SQL…',
            }}
          />
        )}
        {cancelError && (
          <ErrorBanner error={cancelError} compact onDismiss={() => setCancelError(undefined)} />
        )}
        {isEnded && state === 'COMPLETED' && <StepOutputPanel output={outcome?.output ?? output} />}
        {isEnded && state === 'CANCELLED' && (
          <p className="muted">Cancelled on the cluster. Nothing from this run is kept as a result.</p>
        )}
        {isEnded && (state === 'FAILED' || state === 'INTERRUPTED') && (
          <>
            {step && isStepFinal(step.state) ? (
              <FailureBox step={step} />
            ) : (
              job?.error && (
                <ErrorBanner error={{ ...job.error, message: firstLine(job.error.message) }} compact />
              )
            )}
            {job?.error?.hint && isForPeople(job.error.hint) && <p className="muted">{job.error.hint}</p>}
            <StepLogPanel
              workspaceId={run.workspaceId}
              clusterId={clusterId}
              stepId={stepId}
              initial="stderr"
            />
          </>
        )}
      </div>
    </section>
  );
}

/** The step's state as best known: the list's (live by events), else how the watching job ended. */
function stateOf(step: Step | undefined, job: Job['state'] | undefined): StepState {
  const state = step?.state ?? 'PENDING';
  if (isStepFinal(state) || job === undefined || job === 'running') return state;
  return job === 'cancelled' ? 'CANCELLED' : job === 'succeeded' ? 'COMPLETED' : 'FAILED';
}

/** The job's RUN_FAILED message ends with the stderr tail, which the log panel shows in full. */
function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}

/**
 * The job's hint is worded for every front door; the one that points at `clusters.stepLog` is for the
 * CLI and API, and the log it points at is right below here. Other hints (a Lake Formation grant to
 * ask for) tell the person what to do.
 */
function isForPeople(hint: string): boolean {
  return !hint.includes('clusters.stepLog');
}
