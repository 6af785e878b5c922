import { useState } from 'react';
import type { StepLog } from '@shared/emr.schema';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Loading } from '../../../components/Layout';
import { Tabs } from '../../../components/Tabs';
import { useCall } from '../../../lib/useCall';

type LogName = StepLog['log'];

/**
 * A step's logs as EMR wrote them to the cluster's LogUri (gzip, read and unpacked by the core): the
 * end of each, in a monospace panel. EMR copies logs a few minutes after a step ends; until then the
 * hint says so.
 */
export function StepLogPanel({
  workspaceId,
  clusterId,
  stepId,
  initial,
}: {
  workspaceId: string;
  clusterId: string;
  stepId: string;
  initial: LogName;
}) {
  const [log, setLog] = useState<LogName>(initial);
  const answer = useCall('clusters.stepLog', { workspaceId, clusterId, stepId, log });
  const current = answer.data?.log === log ? answer.data : undefined;
  return (
    <div className="step-log" data-testid="step-log" data-log={log}>
      <div className="step-log-bar">
        <Tabs<LogName>
          label="Step logs"
          value={log}
          onChange={setLog}
          items={[
            { key: 'stderr', label: 'stderr' },
            { key: 'stdout', label: 'stdout' },
            { key: 'controller', label: 'controller' },
          ]}
        />
        {current?.found && <span className="mono muted step-log-uri">{current.uri}</span>}
        <button type="button" className="button small subtle" onClick={answer.reload}>
          Reload
        </button>
      </div>
      {answer.error && <ErrorBanner error={answer.error} compact onRetry={answer.reload} />}
      {!current && !answer.error && <Loading label="Reading the log from S3…" />}
      {current && !current.found && (
        <p className="muted pad" data-testid="step-log-missing">
          {current.hint ?? 'No log found yet.'}
        </p>
      )}
      {current?.found && (
        <>
          {current.truncated && <p className="muted small-print">Only the end of the log is shown.</p>}
          <pre className="log-text" data-testid="step-log-text" tabIndex={0}>
            {current.text || '(empty)'}
          </pre>
        </>
      )}
    </div>
  );
}
