import { useCallback, useState } from 'react';
import type { LakeErrorShape } from '@shared/errors';
import type { ImportedFile } from '@shared/storage.schema';
import { useLake } from '../../lib/LakeProvider';
import { isCancelled, toErrorShape } from '../../lib/lake-error';
import type { JobProgress } from '@shared/jobs.schema';
import type { ReadFile } from './read-files';

export type ImportPhase = 'ready' | 'running' | 'review' | 'done';
export type HeldChoice = 'quarantine' | 'skip';

export interface ImportFlow {
  phase: ImportPhase;
  outcomes: ImportedFile[];
  choices: Record<string, HeldChoice>;
  progress: JobProgress | undefined;
  error: LakeErrorShape | undefined;
  choose: (name: string, choice: HeldChoice) => void;
  /** First pass: import clean files, hold the ones with findings. */
  start: () => Promise<void>;
  /** Second pass: quarantine or skip each held file as chosen. */
  resolveHeld: () => Promise<void>;
  cancel: () => void;
}

/**
 * The preflight flow of a drop: the core validates each file, imports clean ones and holds the
 * rest; the person then decides per held file whether it goes to quarantine or is skipped.
 */
export function useImport(prefix: string, files: ReadFile[]): ImportFlow {
  const lake = useLake();
  const [phase, setPhase] = useState<ImportPhase>('ready');
  const [outcomes, setOutcomes] = useState<ImportedFile[]>([]);
  const [choices, setChoices] = useState<Record<string, HeldChoice>>({});
  const [progress, setProgress] = useState<JobProgress>();
  const [error, setError] = useState<LakeErrorShape>();
  const [abort, setAbort] = useState<AbortController>();

  const importBatch = useCallback(
    async (batch: ReadFile[], onFindings: 'hold' | 'quarantine') => {
      const controller = new AbortController();
      setAbort(controller);
      setProgress(undefined);
      const result = await lake.runJob(
        'storage.importFiles',
        { prefix, onFindings, files: batch.map(({ name, dataBase64 }) => ({ name, dataBase64 })) },
        { signal: controller.signal, onProgress: (job) => setProgress(job.progress) },
      );
      return result.files;
    },
    [lake, prefix],
  );

  const fail = (e: unknown, back: ImportPhase) => {
    setError(
      isCancelled(e)
        ? { code: 'CANCELLED', message: 'Import cancelled.', hint: 'Files already copied stay in the lake.' }
        : toErrorShape(e),
    );
    setPhase(back);
  };

  const start = useCallback(async () => {
    setPhase('running');
    setError(undefined);
    try {
      const result = await importBatch(files, 'hold');
      setOutcomes(result);
      const held = result.filter((f) => f.status === 'held');
      setChoices(Object.fromEntries(held.map((f) => [f.name, 'quarantine' as const])));
      setPhase(held.length > 0 ? 'review' : 'done');
    } catch (e) {
      fail(e, 'ready');
    }
  }, [files, importBatch]);

  const resolveHeld = useCallback(async () => {
    const held = outcomes.filter((f) => f.status === 'held');
    const toQuarantine = files.filter(
      (f) => held.some((h) => h.name === f.name) && choices[f.name] === 'quarantine',
    );
    setPhase('running');
    setError(undefined);
    try {
      const quarantined = toQuarantine.length > 0 ? await importBatch(toQuarantine, 'quarantine') : [];
      setOutcomes((current) =>
        current.map((f) => {
          if (f.status !== 'held') return f;
          return quarantined.find((q) => q.name === f.name) ?? { ...f, status: 'skipped' };
        }),
      );
      setPhase('done');
    } catch (e) {
      fail(e, 'review');
    }
  }, [choices, files, importBatch, outcomes]);

  const choose = useCallback(
    (name: string, choice: HeldChoice) => setChoices((c) => ({ ...c, [name]: choice })),
    [],
  );
  const cancel = useCallback(() => abort?.abort(), [abort]);
  return { phase, outcomes, choices, progress, error, choose, start, resolveHeld, cancel };
}
