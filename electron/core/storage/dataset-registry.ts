import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { builtInDatasets, recogniseDataset } from '@shared/datasets';
import { LakeError } from '@shared/errors';
import { DatasetContract } from '@shared/storage.schema';
import type { ContractPicker } from './csv-validator';

/** Where a workspace keeps its own dataset contracts, relative to the lake root. */
export const WORKSPACE_DATASETS_DIR = '.lakedesk/datasets';

/**
 * The built-in contracts plus the workspace's own (`.lakedesk/datasets/*.json`). A workspace
 * contract with a built-in's name replaces it, so a team can tighten `billing` without a rebuild.
 * A file that is not a valid contract fails the whole call, naming the file: silently dropping it
 * would validate data against rules the team did not write.
 */
export async function loadDatasets(lakeRoot: string): Promise<DatasetContract[]> {
  const dir = join(lakeRoot, WORKSPACE_DATASETS_DIR);
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [];
    throw error;
  });
  const own = new Map<string, { contract: DatasetContract; file: string }>();
  for (const file of names.filter((n) => n.toLowerCase().endsWith('.json')).sort()) {
    const where = `${WORKSPACE_DATASETS_DIR}/${file}`;
    const contract = parseContract(await readFile(join(dir, file), 'utf8'), where);
    const clash = own.get(contract.name);
    if (clash) {
      throw new LakeError(
        'BAD_INPUT',
        `Two dataset contracts are named ${contract.name}: ${clash.file} and ${where}.`,
        'Rename or remove one of them.',
      );
    }
    own.set(contract.name, { contract: { ...contract, builtIn: false }, file: where });
  }
  const merged = builtInDatasets.map((b) => own.get(b.name)?.contract ?? b);
  const extra = [...own.values()]
    .map((o) => o.contract)
    .filter((c) => !builtInDatasets.some((b) => b.name === c.name));
  return [...merged, ...extra];
}

function parseContract(text: string, where: string): DatasetContract {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new LakeError(
      'BAD_INPUT',
      `Dataset contract ${where} is not valid JSON: ${(error as Error).message}`,
      fixHint,
    );
  }
  const parsed = DatasetContract.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || 'contract'}: ${i.message}`)
      .join('; ');
    throw new LakeError('BAD_INPUT', `Dataset contract ${where} is not valid — ${issues}.`, fixHint);
  }
  return parsed.data;
}

const fixHint =
  'Fix or remove the file; it needs name, columns and defaultPrefix like the built-in contracts.';

/** The contract with this name, or a BAD_INPUT error that lists the known ones. */
export function findDataset(datasets: readonly DatasetContract[], name: string): DatasetContract {
  const found = datasets.find((d) => d.name === name);
  if (!found) {
    throw new LakeError(
      'BAD_INPUT',
      `Unknown dataset "${name}".`,
      `Use one of: ${datasets.map((d) => d.name).join(', ')}.`,
    );
  }
  return found;
}

/** Picks a contract by name when given, else by header; used by validate and import. */
export function datasetPicker(datasets: readonly DatasetContract[], name?: string): ContractPicker {
  const named = name === undefined ? undefined : findDataset(datasets, name);
  return (header: readonly string[]): DatasetContract | undefined =>
    named ?? recogniseDataset(header, datasets);
}
