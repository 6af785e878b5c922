import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { LakeJobRun } from '@shared/clusters.schema';
import { writeFileAtomic } from '../atomic-file';

const History = z.object({ version: z.literal(1), runs: z.array(LakeJobRun) });
const MAX_RUNS = 200;

// Runs that finish together must not overwrite each other's line in the file.
const queues = new Map<string, Promise<unknown>>();

function historyPath(root: string): string {
  return join(root, '.lakedesk', 'jobs.json');
}

/** Past runs of the lake's jobs, newest first; none when the file is missing or unreadable. */
export async function loadJobHistory(root: string): Promise<LakeJobRun[]> {
  try {
    const parsed = History.safeParse(JSON.parse(await readFile(historyPath(root), 'utf8')));
    return parsed.success ? parsed.data.runs : [];
  } catch {
    return [];
  }
}

/** Adds a run at the head of the lake's history (atomic write; the oldest beyond 200 dropped). */
export function recordJobRun(root: string, run: LakeJobRun): Promise<void> {
  const previous = queues.get(root) ?? Promise.resolve();
  const next = previous
    .catch(() => undefined)
    .then(async () => {
      const runs = [run, ...(await loadJobHistory(root))].slice(0, MAX_RUNS);
      await writeFileAtomic(historyPath(root), `${JSON.stringify({ version: 1, runs }, null, 2)}\n`);
    });
  queues.set(root, next);
  return next;
}
