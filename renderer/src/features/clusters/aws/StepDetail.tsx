import type { Step } from '@shared/emr.schema';
import { CopyButton } from '../../../components/CopyButton';
import { Fact, Facts } from '../../../components/Facts';
import { Icon } from '../../../components/Icon';
import { formatDateTime } from '../../../lib/format';
import { formatSpan } from '../../../lib/format-time';
import { commandLine, isStepFinal } from './emr-view';
import { StateBadge } from './StateBadge';
import { StepLogPanel } from './StepLogPanel';

/** One step: its command, its times, why it ended as it did, and its logs. */
export function StepDetail({
  workspaceId,
  clusterId,
  step,
  onClose,
}: {
  workspaceId: string;
  clusterId: string;
  step: Step;
  onClose: () => void;
}) {
  const isFailed = step.state === 'FAILED' || step.state === 'INTERRUPTED';
  const command = commandLine(step);
  return (
    <section className="step-detail" data-testid="step-detail" data-step={step.id} data-state={step.state}>
      <div className="step-detail-head">
        <h3 className="row tight">
          {step.name} <StateBadge kind="step" state={step.state} />
        </h3>
        <span className="mono muted">{step.id}</span>
        <span className="spacer" />
        <button type="button" className="icon-button" aria-label="Close step" onClick={onClose}>
          <Icon name="close" size={14} />
        </button>
      </div>
      {isFailed && <FailureBox step={step} />}
      <Facts>
        <Fact label="Created">{formatDateTime(step.createdAt)}</Fact>
        <Fact label="Started">{formatDateTime(step.startedAt)}</Fact>
        <Fact label="Ended">{formatDateTime(step.endedAt)}</Fact>
        <Fact label="Took">{formatSpan(step.startedAt, step.endedAt)}</Fact>
        <Fact label="On failure">{step.actionOnFailure ?? '—'}</Fact>
        {step.stateChangeReason?.message && !isFailed && (
          <Fact label="Reason">{step.stateChangeReason.message}</Fact>
        )}
      </Facts>
      <div className="command-line">
        <span className="field-label">Command</span>
        <div className="row tight">
          <code className="command-text" data-testid="step-command">
            {command}
          </code>
          <CopyButton text={command} />
        </div>
      </div>
      {isStepFinal(step.state) || step.state === 'RUNNING' ? (
        <StepLogPanel
          key={step.id}
          workspaceId={workspaceId}
          clusterId={clusterId}
          stepId={step.id}
          initial={step.state === 'COMPLETED' ? 'stdout' : 'stderr'}
        />
      ) : (
        <p className="muted">The step has not started: it has no logs yet.</p>
      )}
    </section>
  );
}

/** EMR's own account of a failure: reason, message, and the log file it points at. */
export function FailureBox({ step }: { step: Step }) {
  const f = step.failure;
  return (
    <div className="inline-error block" role="alert" data-testid="step-failure">
      <Icon name="alert" size={15} />
      <div>
        <div className="strong">{f?.reason ?? step.stateChangeReason?.code ?? 'The step failed'}</div>
        <div>{f?.message ?? step.stateChangeReason?.message ?? 'EMR gave no message; see stderr below.'}</div>
        {f?.logFile && (
          <div className="muted">
            Log file: <span className="mono">{f.logFile}</span>
          </div>
        )}
      </div>
    </div>
  );
}
