import { join } from 'node:path';
import type { CallerIdentity } from '@shared/accounts.schema';
import { LakeError } from '@shared/errors';
import type { ClientTarget, RetryPolicy } from '../aws-clients';
import type { Services } from '../services';
import { createS3Api } from './aws-s3-api';
import type { S3Api } from './s3-api';
import type { Scratch } from './s3-preview';

/** As whom to reach S3: an AWS workspace (the app), or a config profile (the CLI's `--profile`). */
export type AwsTargetRef = { workspaceId: string } | { profile: string };

/** An S3 API bound to one identity, with that identity's name for messages and metadata. */
export interface S3Connection {
  api: S3Api;
  /** "role FinanceAnalyst in finance-prod (100000000000)", "profile emulator-s3". */
  who: string;
  ref: AwsTargetRef;
  /** GetCallerIdentity of the same identity (recorded on uploads). */
  identity(): Promise<CallerIdentity>;
}

export interface S3ConnectOptions {
  signal?: AbortSignal;
  retry?: RetryPolicy;
  requestTimeoutMs?: number;
}

/**
 * S3 as a workspace's role or a profile. Expired SSO sign-ins pause the calls (and ask the person
 * to sign in once) instead of failing them, so long transfers survive a sign-in running out.
 */
export async function connectS3(
  services: Services,
  ref: AwsTargetRef,
  options: S3ConnectOptions = {},
): Promise<S3Connection> {
  const access = services.accounts.access;
  const pause = { pauseOnExpiry: true, ...(options.signal ? { signal: options.signal } : {}) };
  let target: ClientTarget;
  let who: string;
  if ('profile' in ref) {
    target = await access.profileTarget(ref.profile, 's3', pause);
    who = `profile ${ref.profile}`;
  } else {
    const { aws } = await services.workspaces.requireAws(ref.workspaceId);
    target = await access.clientTarget(ref.workspaceId, 's3', pause);
    who = `role ${aws.roleName} in ${aws.accountName} (${aws.accountId})`;
  }
  const tuned: ClientTarget = {
    ...target,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
  };
  return {
    api: createS3Api(tuned, who),
    who,
    ref,
    identity: () =>
      'profile' in ref ? access.whoamiProfile(ref.profile) : access.whoamiWorkspace(ref.workspaceId),
  };
}

/** The active workspace as an AWS target, or a NO_WORKSPACE error when it is a local lake. */
export async function activeAwsRef(services: Services): Promise<AwsTargetRef> {
  const active = await services.workspaces.active();
  if (active?.kind !== 'aws') {
    throw new LakeError(
      'NO_WORKSPACE',
      'No AWS workspace is open.',
      'Choose an account, role and region in Accounts (uploads go to S3).',
    );
  }
  return { workspaceId: active.id };
}

/** Where S3 bytes land for DuckDB previews: a folder in the app's home with its own engine. */
export function previewScratch(services: Services): Scratch {
  const dir = join(services.home, 'cache', 'previews');
  return { dir, engine: async () => (await services.engines.open(dir)).engine };
}
