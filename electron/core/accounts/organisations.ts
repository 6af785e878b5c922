import { LakeError } from '@shared/errors';
import type { SharedConfig } from './shared-config';

/** One organisation: an sso-session, or the start URL shared by legacy SSO profiles. */
export interface OrganisationConfig {
  /** The handle the UI and CLI pass as `session`. */
  name: string;
  startUrl: string;
  region: string;
  scopes: string[];
  source: 'sso-session' | 'legacy';
  profiles: string[];
  /** What the SSO token cache file is named after: the session name, or the start URL (legacy). */
  cacheKey: string;
  /** The sso-session name for the registration cache; absent for legacy profiles. */
  sessionName?: string;
}

/** Organisations in config order: sso-sessions first, then legacy start URLs. */
export function organisationsOf(config: SharedConfig): OrganisationConfig[] {
  const result: OrganisationConfig[] = [];
  for (const session of config.ssoSessions.values()) {
    const profiles = [...config.profiles.values()]
      .filter((p) => p.values.sso_session === session.name)
      .map((p) => p.name);
    result.push({
      name: session.name,
      startUrl: session.startUrl,
      region: session.region,
      scopes: session.scopes,
      source: 'sso-session',
      profiles,
      cacheKey: session.name,
      sessionName: session.name,
    });
  }
  for (const profile of config.profiles.values()) {
    const { sso_start_url: startUrl, sso_region: region, sso_session: session } = profile.values;
    if (session || !startUrl || !region) continue;
    const known = result.find((o) => o.source === 'legacy' && o.startUrl === startUrl);
    if (known) known.profiles.push(profile.name);
    else
      result.push({
        name: startUrl,
        startUrl,
        region,
        scopes: [],
        source: 'legacy',
        profiles: [profile.name],
        cacheKey: startUrl,
      });
  }
  return result;
}

/** The organisation named `name`, or NOT_FOUND listing the configured ones. */
export function requireOrganisation(config: SharedConfig, name: string): OrganisationConfig {
  const all = organisationsOf(config);
  const found = all.find((o) => o.name === name);
  if (found) return found;
  throw new LakeError(
    'NOT_FOUND',
    `No organisation "${name}" in ${config.configFile} (organisations: ${all.map((o) => o.name).join(', ') || 'none'}).`,
    'Add it with "Add organisation" (start URL and SSO region), or check AWS_CONFIG_FILE.',
  );
}

/**
 * The profile whose settings (endpoints) apply to work in an organisation: the selected profile
 * (AWS_PROFILE) if it uses the organisation, else one for the same account and role, else any
 * profile of the organisation, else the selected profile if it exists.
 */
export function profileForOrganisation(
  config: SharedConfig,
  org: OrganisationConfig,
  target?: { accountId: string; roleName: string },
): string | undefined {
  const selected = config.selectedProfile;
  if (org.profiles.includes(selected)) {
    const values = config.profiles.get(selected)!.values;
    if (!target || (values.sso_account_id === target.accountId && values.sso_role_name === target.roleName))
      return selected;
  }
  if (target) {
    const exact = org.profiles.find((name) => {
      const values = config.profiles.get(name)!.values;
      return values.sso_account_id === target.accountId && values.sso_role_name === target.roleName;
    });
    if (exact) return exact;
  }
  if (org.profiles.includes(selected)) return selected;
  return org.profiles[0] ?? (config.profiles.has(selected) ? selected : undefined);
}
