import { useCallback, useEffect, useState } from 'react';
import type { Step } from '@shared/emr.schema';
import type { LakeErrorShape } from '@shared/errors';
import { useLake } from '../../../lib/LakeProvider';
import { toErrorShape } from '../../../lib/lake-error';
import { isStepFinal, withStep } from './emr-view';

interface StepsState {
  steps: Step[] | undefined;
  nextToken: string | undefined;
  error: LakeErrorShape | undefined;
}

/**
 * A cluster's steps, newest first, kept live: `clusters.watchSteps` when the cluster opens (the core
 * then polls its pending and running steps), `clusters.stepChanged` and `stepEnded` patch the list.
 */
export function useSteps(workspaceId: string, clusterId: string) {
  const lake = useLake();
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<StepsState>({
    steps: undefined,
    nextToken: undefined,
    error: undefined,
  });

  useEffect(() => {
    let isCurrent = true;
    lake.call('clusters.listSteps', { workspaceId, clusterId }).then(
      (page) =>
        isCurrent &&
        setState((s) => ({
          steps: mergeListed(s.steps, page.steps),
          nextToken: page.nextToken,
          error: undefined,
        })),
      (error: unknown) => isCurrent && setState((s) => ({ ...s, error: toErrorShape(error) })),
    );
    return () => {
      isCurrent = false;
    };
  }, [lake, workspaceId, clusterId, version]);

  const put = useCallback(
    (step: Step) => setState((s) => ({ ...s, steps: withStep(s.steps ?? [], step) })),
    [],
  );

  useEffect(() => {
    lake.call('clusters.watchSteps', { workspaceId, clusterId }).catch(() => undefined);
    const mine = (e: { workspaceId: string; clusterId: string }) =>
      e.workspaceId === workspaceId && e.clusterId === clusterId;
    const offChanged = lake.on('clusters.stepChanged', (e) => mine(e) && put(e.step));
    const offEnded = lake.on('clusters.stepEnded', (e) => {
      if (e.workspaceId === workspaceId && e.outcome.clusterId === clusterId) put(e.outcome.step);
    });
    return () => {
      offChanged();
      offEnded();
    };
  }, [lake, workspaceId, clusterId, put]);

  const loadMore = useCallback(() => {
    if (!state.nextToken) return;
    lake.call('clusters.listSteps', { workspaceId, clusterId, nextToken: state.nextToken }).then(
      (page) =>
        setState((s) => ({
          steps: [...(s.steps ?? []), ...page.steps.filter((p) => !s.steps?.some((x) => x.id === p.id))],
          nextToken: page.nextToken,
          error: undefined,
        })),
      (error: unknown) => setState((s) => ({ ...s, error: toErrorShape(error) })),
    );
  }, [lake, workspaceId, clusterId, state.nextToken]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, put, reload, loadMore };
}

/**
 * A listing read while events arrive may be older than an event already seen: a step the view knows
 * has ended never goes back to running because of it.
 */
function mergeListed(known: Step[] | undefined, listed: Step[]): Step[] {
  return listed.map((step) => {
    const seen = known?.find((k) => k.id === step.id);
    return seen && isStepFinal(seen.state) && !isStepFinal(step.state) ? seen : step;
  });
}
