import type { ClusterState, StepState } from '@shared/emr.schema';
import { Badge } from '../../../components/Layout';
import { CLUSTER_STATE_TONE, isStateBusy, STEP_STATE_TONE } from './emr-view';

/** A cluster's or a step's state, with a spinner while it is on its way somewhere. */
export function StateBadge({ state, kind }: { state: ClusterState | StepState; kind: 'cluster' | 'step' }) {
  const tone =
    kind === 'cluster' ? CLUSTER_STATE_TONE[state as ClusterState] : STEP_STATE_TONE[state as StepState];
  return (
    <span className="state-badge" data-testid={`${kind}-state`} data-state={state}>
      <Badge tone={tone}>
        {isStateBusy(state) && <span className="spinner tiny" aria-hidden="true" />}
        {state.replace(/_/g, ' ')}
      </Badge>
    </span>
  );
}
