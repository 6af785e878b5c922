import { LakeError } from '@shared/errors';
import type { Workspace } from '@shared/workspaces.schema';
import type { AccessOptions } from './accounts/workspace-access';
import { AwsCatalog } from './catalog/aws-catalog';
import type { CatalogTables } from './catalog/catalog.provider';
import { LocalCatalog } from './catalog/local-catalog';
import { AwsClusters } from './clusters/aws-clusters';
import type { Services } from './services';
import { awsStorage } from './storage/aws-storage';
import { localStorage } from './storage/local-storage';
import { connectS3, previewScratch } from './storage/s3-connection';
import type { StorageProvider } from './storage/storage.provider';

/**
 * The only place that decides between AWS and a local lake for a workspace (ARCHITECTURE.md,
 * "Providers"). Areas ask here for their provider and never look at `workspace.kind` themselves.
 * One section per area: storage below; catalog and clusters add theirs the same way.
 */

async function activeWorkspace(services: Services): Promise<Workspace> {
  const active = await services.workspaces.active();
  if (!active) {
    throw new LakeError(
      'NO_WORKSPACE',
      'No workspace is open.',
      'Open a local lake folder or an AWS account in Accounts first.',
    );
  }
  return active;
}

// ── Storage ────────────────────────────────────────────────────────────────────────────────────

/** The storage of the active workspace: its lake folder, or S3 (`bucket/key…` paths). Close it after use. */
export async function storageFor(services: Services, signal?: AbortSignal): Promise<StorageProvider> {
  const active = await activeWorkspace(services);
  if (active.kind === 'local') {
    return localStorage(active.path, async () => (await services.engines.open(active.path)).engine);
  }
  const connection = await connectS3(services, { workspaceId: active.id }, signal ? { signal } : {});
  return awsStorage(connection.api, previewScratch(services));
}

/** Runs `use` with the active workspace's storage, closing it afterwards. */
export async function withStorage<T>(
  services: Services,
  use: (storage: StorageProvider) => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  const storage = await storageFor(services, signal);
  try {
    return await use(storage);
  } finally {
    storage.close();
  }
}

// ── Catalog and clusters ───────────────────────────────────────────────────────────────────────
// Each takes an optional workspace id (default: the active one), so the UI can act on a workspace it
// shows beside the active one. A provider holds SDK clients: close it after use (`using`).

type CatalogCtx = Pick<Services, 'workspaces' | 'engines' | 'accounts'>;

/** A workspace by id, or the active one; NO_WORKSPACE when there is none. */
export async function workspaceOf(
  ctx: Pick<Services, 'workspaces'>,
  workspaceId?: string,
): Promise<Workspace> {
  const { workspaces, activeId } = await ctx.workspaces.list();
  const id = workspaceId ?? activeId;
  const workspace = workspaces.find((w) => w.id === id);
  if (!workspace && workspaceId !== undefined)
    throw new LakeError('NOT_FOUND', `No workspace with id ${workspaceId}.`);
  if (!workspace)
    throw new LakeError(
      'NO_WORKSPACE',
      'No workspace is open.',
      'Open a local lake folder or an AWS account in Accounts first.',
    );
  return workspace;
}

/** An AWS workspace, or NO_WORKSPACE saying what needs AWS (crawlers, EMR…) and what works locally. */
async function awsWorkspaceOf(
  ctx: Pick<Services, 'workspaces'>,
  workspaceId: string | undefined,
  what: string,
  local: string,
) {
  const workspace = await workspaceOf(ctx, workspaceId);
  if (workspace.kind !== 'aws' || !workspace.aws)
    throw new LakeError(
      'NO_WORKSPACE',
      `${what} needs an AWS workspace; "${workspace.name}" is a local lake.`,
      local,
    );
  return {
    id: workspace.id,
    who: { organisation: workspace.aws.ssoSession, roleName: workspace.aws.roleName },
  };
}

const accessOptions = (signal?: AbortSignal): AccessOptions => ({
  pauseOnExpiry: true,
  ...(signal ? { signal } : {}),
});

/** Glue (tables, crawlers) and Lake Formation of an AWS workspace. */
export async function openAwsCatalog(ctx: CatalogCtx, workspaceId: string | undefined, signal?: AbortSignal) {
  const { id, who } = await awsWorkspaceOf(
    ctx,
    workspaceId,
    'Glue crawlers and Lake Formation',
    'In a local lake, Crawl finds the tables.',
  );
  const access = ctx.accounts.access;
  const [glue, lakeformation] = await Promise.all([
    access.clientTarget(id, 'glue', accessOptions(signal)),
    access.clientTarget(id, 'lakeformation', accessOptions(signal)),
  ]);
  return { workspaceId: id, catalog: new AwsCatalog({ glue, lakeformation }, who) };
}

/** The tables of any workspace: Glue for AWS, the crawled lake folder for a local one. */
export async function openCatalogTables(
  ctx: CatalogCtx,
  workspaceId: string | undefined,
): Promise<CatalogTables> {
  const workspace = await workspaceOf(ctx, workspaceId);
  if (workspace.kind === 'aws') return (await openAwsCatalog(ctx, workspace.id)).catalog;
  return new LocalCatalog(await ctx.engines.open(workspace.path));
}

/** EMR, and the S3 it keeps code, logs and output in, of an AWS workspace. */
export async function openAwsClusters(
  ctx: CatalogCtx,
  workspaceId: string | undefined,
  signal?: AbortSignal,
) {
  const { id, who } = await awsWorkspaceOf(
    ctx,
    workspaceId,
    'EMR',
    'In a local lake, run the same gross-profit SQL as a lake job (Clusters › Lake jobs, or `lakedesk job run gross-profit`).',
  );
  const access = ctx.accounts.access;
  const [emr, s3] = await Promise.all([
    access.clientTarget(id, 'emr', accessOptions(signal)),
    access.clientTarget(id, 's3', accessOptions(signal)),
  ]);
  return { workspaceId: id, clusters: new AwsClusters({ emr, s3 }, who) };
}

/** Runs `work` with a provider and closes it after, whatever happens. */
export async function using<P extends { close(): void }, T>(
  provider: P,
  work: (p: P) => Promise<T>,
): Promise<T> {
  try {
    return await work(provider);
  } finally {
    provider.close();
  }
}
