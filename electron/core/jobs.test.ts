import { describe, expect, it } from 'vitest';
import { LakeError } from '@shared/errors';
import type { Job } from '@shared/jobs.schema';
import { EventBus } from './event-bus';
import { JobRegistry } from './jobs';

function registry() {
  const events = new EventBus();
  const seen: Job[] = [];
  events.subscribe((topic, payload) => topic === 'jobs.changed' && seen.push(payload as Job));
  return { jobs: new JobRegistry(events), seen };
}

describe('job registry', () => {
  it('runs a job to success with its result and announces start and end', async () => {
    const { jobs, seen } = registry();
    const job = jobs.start('test.work', 'Work', async (control) => {
      control.progress({ done: 1, total: 2 });
      return { answer: 42 };
    });
    const done = await jobs.wait(job.id);
    expect(done).toMatchObject({ state: 'succeeded', result: { answer: 42 }, endedAt: expect.any(String) });
    expect(seen.map((j) => j.state)).toEqual(['running', 'running', 'succeeded']);
  });

  it('cancels through the abort signal and ends cancelled, not failed', async () => {
    const { jobs } = registry();
    const job = jobs.start(
      'test.wait',
      'Wait',
      (control) =>
        new Promise((_, reject) =>
          control.signal.addEventListener('abort', () => reject(new Error('stopped'))),
        ),
    );
    expect(jobs.cancel(job.id)).toBe(true);
    expect(await jobs.wait(job.id)).toMatchObject({ state: 'cancelled', error: { code: 'CANCELLED' } });
    expect(jobs.cancel(job.id)).toBe(false);
  });

  it('keeps the typed error of a failed job', async () => {
    const { jobs } = registry();
    const job = jobs.start('test.fail', 'Fail', async () => {
      throw new LakeError('INVALID_DATA', 'Line 3 is ragged.', 'Fix the file.');
    });
    expect(await jobs.wait(job.id)).toMatchObject({
      state: 'failed',
      error: { code: 'INVALID_DATA', message: 'Line 3 is ragged.', hint: 'Fix the file.' },
    });
  });

  it('lists newest first and names a missing job', () => {
    const { jobs } = registry();
    const a = jobs.start('a', 'A', async () => 1);
    const b = jobs.start('b', 'B', async () => 2);
    expect(jobs.list().map((j) => j.id)).toEqual([b.id, a.id]);
    expect(() => jobs.get('nope')).toThrow(/No job/);
  });
});
