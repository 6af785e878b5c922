import type { SharedConfig } from './shared-config';

/** Service keys as they appear in `[services]` sections; env vars use them upper-cased. */
export type ServiceKey = 'sso' | 'sso_oidc' | 'sts' | 's3' | 'glue' | 'athena' | 'emr' | 'lakeformation';

function isTrue(value: string | undefined): boolean {
  return value?.trim().toLowerCase() === 'true';
}

/**
 * The endpoint URL a service call should use, resolved as the AWS CLI and SDKs do (so LocalStack,
 * MinIO and the test emulator are reached the way users already configure them):
 * AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL, then the profile's `services` section, then the
 * profile's `endpoint_url`. `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` (env or profile) turns all off.
 * Undefined means the service's normal AWS endpoint.
 */
export function resolveEndpoint(
  config: SharedConfig,
  profileName: string | undefined,
  service: ServiceKey,
): string | undefined {
  const { env } = config;
  const profile = profileName === undefined ? undefined : config.profiles.get(profileName);
  if (
    isTrue(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) ||
    isTrue(profile?.values.ignore_configured_endpoint_urls)
  ) {
    return undefined;
  }
  const fromEnv = env[`AWS_ENDPOINT_URL_${service.toUpperCase()}`] || env.AWS_ENDPOINT_URL;
  if (fromEnv) return fromEnv;
  if (!profile) return undefined;
  const servicesName = profile.values.services;
  const section = servicesName === undefined ? undefined : config.services.get(servicesName);
  return section?.[service]?.endpoint_url || profile.values.endpoint_url || undefined;
}
