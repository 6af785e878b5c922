import { writeFile } from 'node:fs/promises';
import type { AccountSpec } from './identity-store';

export interface ConfigFileOptions {
  sessionName: string;
  startUrl: string;
  region: string;
  endpoints: Record<string, string>;
  accounts: AccountSpec[];
  /** How many accounts get a ready-made profile (`<account name>`, with its first role). */
  profiles: number;
}

export const SERVICES_SECTION = 'lakedesk-emulator';

/**
 * An AWS config that points every service at the emulator, the way users point tools at LocalStack:
 * a `[services]` section (per-service endpoint_url) used by SSO profiles and the default profile,
 * and one static-key profile with a profile-level `endpoint_url` for S3 tools.
 */
export function configText(o: ConfigFileOptions): string {
  const services = Object.entries(o.endpoints)
    .map(([service, url]) => `${service} =\n  endpoint_url = ${url}`)
    .join('\n');
  const profiles = o.accounts
    .slice(0, o.profiles)
    .map(
      (a) =>
        `[profile ${a.accountName}]\nsso_session = ${o.sessionName}\nsso_account_id = ${a.accountId}\n` +
        `sso_role_name = ${a.roles[0]}\nregion = ${o.region}\nservices = ${SERVICES_SECTION}\n`,
    );
  return [
    '# Written by the Lakedesk AWS emulator (e2e/emulator). Test equipment: every endpoint is on 127.0.0.1.',
    '[default]',
    `sso_session = ${o.sessionName}`,
    `region = ${o.region}`,
    `services = ${SERVICES_SECTION}`,
    '',
    `[sso-session ${o.sessionName}]`,
    `sso_start_url = ${o.startUrl}`,
    `sso_region = ${o.region}`,
    'sso_registration_scopes = sso:account:access',
    '',
    `[services ${SERVICES_SECTION}]`,
    services,
    '',
    ...profiles,
    '# Static keys (s3rver accepts only these); STS knows them as an IAM user.',
    '[profile emulator-static]',
    'aws_access_key_id = S3RVER',
    'aws_secret_access_key = S3RVER',
    `region = ${o.region}`,
    `services = ${SERVICES_SECTION}`,
    '',
    ...(o.endpoints.s3
      ? [
          '# A profile-level endpoint_url (every service of this profile goes to S3).',
          '[profile emulator-s3]',
          'aws_access_key_id = S3RVER',
          'aws_secret_access_key = S3RVER',
          `region = ${o.region}`,
          `endpoint_url = ${o.endpoints.s3}`,
          '',
        ]
      : []),
  ].join('\n');
}

export async function writeConfigFiles(
  configFile: string,
  credentialsFile: string,
  options: ConfigFileOptions,
): Promise<void> {
  await writeFile(configFile, configText(options), { mode: 0o600 });
  await writeFile(
    credentialsFile,
    '# Empty on purpose: the emulator keeps your real credentials out of tests.\n',
    { mode: 0o600 },
  );
}
