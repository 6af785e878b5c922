import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { LakeError } from '@shared/errors';
import { FINAL_STATES, type TransferRecord } from './transfer-record';
import type { TransferQueue } from './transfer-queue';

export type ResolveAction = 'skip' | 'quarantine' | 'recheck' | 'overwrite' | 'keepBoth';

/** The records `ids` name (all of them when none are named); unknown ids are an error. */
export function pick(queue: TransferQueue, ids: readonly string[] | undefined): TransferRecord[] {
  if (ids === undefined) return [...queue.records.values()];
  return ids.map((id) => {
    const rec = queue.records.get(id);
    if (!rec)
      throw new LakeError(
        'NOT_FOUND',
        `No transfer with id ${id}.`,
        'It may have been cleared from the list.',
      );
    return rec;
  });
}

function requeue(rec: TransferRecord): void {
  rec.state = rec.checked ? 'queued' : 'checking';
  rec.error = undefined;
  rec.retryAt = undefined;
}

/** Pauses transfers: running ones stop their parts (finished parts are kept), waiting ones wait. */
export async function pause(queue: TransferQueue, ids?: readonly string[]): Promise<void> {
  const waiting = new Set(['queued', 'checking', 'retrying']);
  await Promise.all(
    pick(queue, ids).map(async (rec) => {
      if (queue.isRunning(rec.id)) return queue.stop(rec.id, 'pause');
      if (!waiting.has(rec.state)) return;
      rec.state = 'paused';
      await queue.saveRecord(rec);
    }),
  );
}

/** Resumes paused transfers and retries failed ones (from the parts S3 still holds). */
export async function resume(queue: TransferQueue, ids?: readonly string[]): Promise<void> {
  for (const rec of pick(queue, ids)) {
    if (queue.isRunning(rec.id)) continue;
    if (rec.state === 'paused' || rec.state === 'failed' || (rec.state === 'retrying' && ids !== undefined)) {
      if (rec.state === 'failed') rec.attempts = 0;
      requeue(rec);
      await queue.saveRecord(rec);
    }
  }
  queue.pump();
}

/** Cancels transfers: their multipart uploads are aborted; finished ones are left as they are. */
export async function cancel(queue: TransferQueue, ids?: readonly string[]): Promise<void> {
  await Promise.all(
    pick(queue, ids).map(async (rec) => {
      if (queue.isRunning(rec.id)) return queue.stop(rec.id, 'cancel');
      if (FINAL_STATES.has(rec.state) && rec.state !== 'failed') return;
      await queue.cancelled(rec);
    }),
  );
}

/** The person's answer to a held (findings) or conflicting (object already there) transfer. */
export async function resolve(
  queue: TransferQueue,
  ids: readonly string[],
  action: ResolveAction,
): Promise<void> {
  for (const rec of pick(queue, ids)) {
    const forHeld = action === 'quarantine' || action === 'recheck';
    const forConflict = action === 'overwrite' || action === 'keepBoth';
    if (
      (forHeld && rec.state !== 'held') ||
      (forConflict && rec.state !== 'conflict') ||
      (action === 'skip' && rec.state !== 'held' && rec.state !== 'conflict')
    ) {
      throw new LakeError(
        'BAD_INPUT',
        `Cannot ${action} ${rec.name}: it is ${rec.state}.`,
        'Only held files can be quarantined or rechecked, and only conflicts overwritten or kept both.',
      );
    }
    if (action === 'skip') {
      rec.state = 'skipped';
      await queue.finish(rec);
      continue;
    }
    if (action === 'quarantine') {
      rec.quarantined = true;
      rec.key = `quarantine/${rec.baseKey}`;
    }
    if (action === 'recheck') {
      rec.checked = undefined;
      rec.findings = [];
      rec.findingCount = 0;
    }
    if (forConflict) rec.conflictDecision = action;
    requeue(rec);
    await queue.saveRecord(rec);
  }
  queue.pump();
}

/** Removes finished transfers from the list (a failed one's leftover upload is aborted first). */
export async function clearFinished(queue: TransferQueue): Promise<void> {
  for (const rec of [...queue.records.values()]) {
    if (!FINAL_STATES.has(rec.state) || queue.isRunning(rec.id)) continue;
    if (rec.state === 'failed') {
      await queue.abortUpload(rec);
      await queue.journal.remove(rec.id);
      if (rec.source.staged) await rm(dirname(rec.source.path), { recursive: true, force: true });
    }
    queue.records.delete(rec.id);
    queue.progress.forget(rec.id);
  }
  queue.changed();
}
