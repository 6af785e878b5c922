import { act } from '@testing-library/react';
import type { CallResult } from '@shared/errors';
import type { LakeBridge } from '@shared/lake-api';
import { createLakeClient } from './lake-client';

// Test support only (imported by *.test.tsx, never by the app).

export type Answers = Record<string, (input: unknown) => unknown>;

/** A bridge answering from `answers`, recording calls, whose events a test pushes by hand. */
export function fakeBridge(answers: Answers) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: { method: string; input: unknown }[] = [];
  const bridge: LakeBridge = {
    invoke: async (method, input): Promise<CallResult<unknown>> => {
      calls.push({ method, input });
      const answer = answers[method];
      if (!answer) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: method } };
      try {
        return { ok: true, value: answer(input) };
      } catch (error) {
        return { ok: false, error: error as { code: 'AWS_ERROR'; message: string } };
      }
    },
    on: (topic, listener) => {
      const set = listeners.get(topic) ?? new Set();
      listeners.set(topic, set.add(listener));
      return () => set.delete(listener);
    },
  };
  const emit = (topic: string, payload: unknown) =>
    act(() => listeners.get(topic)?.forEach((listener) => listener(payload)));
  const called = (method: string) => calls.filter((c) => c.method === method);
  return { client: createLakeClient(bridge), calls, called, emit };
}

/** An AWS workspace, as `workspaces.list` answers it, and the calls every shell makes. */
export const awsWorkspace = {
  id: 'aws-1',
  kind: 'aws',
  name: 'finance-prod · FinanceAnalyst · eu-west-1',
  path: '',
  aws: {
    ssoSession: 'acme',
    accountId: '111122223333',
    accountName: 'finance-prod',
    roleName: 'FinanceAnalyst',
    region: 'eu-west-1',
    colour: '#c62828',
  },
};

export const shellAnswers: Answers = {
  'app.info': () => ({ name: 'Lakedesk', version: '0.1.0', platform: 'linux', frontDoor: 'browser' }),
  'workspaces.list': () => ({ workspaces: [awsWorkspace], activeId: 'aws-1' }),
  'jobs.list': () => [],
};
