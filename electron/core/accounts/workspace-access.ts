import type { CallerIdentity } from '@shared/accounts.schema';
import { LakeError } from '@shared/errors';
import type { AwsWorkspaceTarget, Workspace } from '@shared/workspaces.schema';
import type { ClientTarget } from '../aws-clients';
import type { AccountsContext } from './accounts-context';
import { getCallerIdentity } from './aws-sts-api';
import { profileCredentials } from './aws-profile-credentials';
import type { DirectoryService } from './directory-service';
import { resolveEndpoint, type ServiceKey } from './endpoints';
import { organisationsOf, profileForOrganisation } from './organisations';
import { requireProfile, type SharedConfig } from './shared-config';

export interface AccessOptions {
  /** Pause (and ask the person to sign in once) when the sign-in expires, instead of failing. */
  pauseOnExpiry?: boolean;
  signal?: AbortSignal;
}

function regionOf(config: SharedConfig, profileRegion: string | undefined): string {
  return config.env.AWS_REGION || config.env.AWS_DEFAULT_REGION || profileRegion || 'us-east-1';
}

/** AWS workspaces: opening one, and what any AWS call needs to reach it (region, endpoint, credentials). */
export class WorkspaceAccess {
  constructor(
    private readonly ctx: AccountsContext,
    private readonly directory: DirectoryService,
  ) {}

  /** Checks the role (GetRoleCredentials), then opens account + role + region as the active workspace. */
  async openWorkspace(input: {
    session: string;
    accountId: string;
    roleName: string;
    region: string;
    accountName?: string;
  }): Promise<Workspace> {
    const org = await this.ctx.organisation(input.session);
    await this.ctx.roles.get(org, input.accountId, input.roleName);
    const accountName =
      input.accountName ?? this.directory.accountName(org.name, input.accountId) ?? input.accountId;
    const profile = profileForOrganisation(await this.ctx.config(), org, input);
    const target: AwsWorkspaceTarget = {
      ssoSession: org.name,
      accountId: input.accountId,
      accountName,
      roleName: input.roleName,
      region: input.region,
      colour: await this.directory.colourOf(input.accountId, accountName),
      ...(profile ? { profile } : {}),
    };
    return this.ctx.options.workspaces.openAws(target);
  }

  /**
   * Region, endpoint and credentials for an SDK client of `service` in an AWS workspace: the one
   * place other areas (S3, Glue, Athena, EMR) get their clients' settings from.
   */
  async clientTarget(
    workspaceId: string | undefined,
    service: ServiceKey,
    options: AccessOptions = {},
  ): Promise<ClientTarget> {
    const { aws } = await this.ctx.options.workspaces.requireAws(workspaceId);
    const org = await this.ctx.organisation(aws.ssoSession);
    const config = await this.ctx.config();
    const endpoint = resolveEndpoint(
      config,
      aws.profile ?? profileForOrganisation(config, org, aws),
      service,
    );
    const credentials = this.ctx.roles.provider(org, aws.accountId, aws.roleName, {
      pauseOnExpiry: options.pauseOnExpiry ?? false,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return { region: aws.region, credentials, retry: this.ctx.retry, ...(endpoint ? { endpoint } : {}) };
  }

  /** GetCallerIdentity for a workspace (default: the active one). */
  async whoamiWorkspace(
    workspaceId: string | undefined,
    options: AccessOptions = {},
  ): Promise<CallerIdentity> {
    const { aws } = await this.ctx.options.workspaces.requireAws(workspaceId);
    return getCallerIdentity(await this.clientTarget(workspaceId, 'sts', options), aws.ssoSession);
  }

  /** GetCallerIdentity for a config profile: SSO (through our token cache) or anything the SDK reads. */
  async whoamiProfile(name: string): Promise<CallerIdentity> {
    const { organisation, ...target } = await this.profileTarget(name, 'sts');
    return getCallerIdentity(target, organisation);
  }

  /**
   * Region, endpoint and credentials for an SDK client of `service` as a config profile: SSO
   * (through our token cache and sign-in) or anything the SDK reads (keys, credential_process,
   * role_arn). The CLI's `--profile` goes through here. `organisation` is set for SSO profiles.
   */
  async profileTarget(
    name: string,
    service: ServiceKey,
    options: AccessOptions = {},
  ): Promise<ClientTarget & { organisation?: string }> {
    const config = await this.ctx.config();
    const profile = requireProfile(config, name);
    const v = profile.values;
    const endpoint = resolveEndpoint(config, name, service);
    const base = {
      region: regionOf(config, v.region),
      retry: this.ctx.retry,
      ...(endpoint ? { endpoint } : {}),
    };
    if (!(v.sso_session || v.sso_start_url))
      return { ...base, credentials: profileCredentials(config, name) };
    if (!v.sso_account_id || !v.sso_role_name) {
      throw new LakeError(
        'BAD_INPUT',
        `Profile "${name}" (${profile.where}) signs in with SSO but has no sso_account_id / sso_role_name.`,
        'Add both to the profile, or open the account from Accounts instead.',
      );
    }
    const orgName = v.sso_session ?? v.sso_start_url!;
    const org =
      organisationsOf(config).find((o) => o.name === orgName) ?? (await this.ctx.organisation(orgName));
    const credentials = this.ctx.roles.provider(org, v.sso_account_id, v.sso_role_name, {
      pauseOnExpiry: options.pauseOnExpiry ?? false,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return { ...base, credentials, organisation: org.name };
  }
}
