import { fromIni } from '@aws-sdk/credential-providers';
import { LakeError } from '@shared/errors';
import type { CredentialsProvider } from '../aws-clients';
import type { SharedConfig } from './shared-config';

/**
 * Credentials of a non-SSO profile (static keys, credential_process, role_arn + source_profile),
 * resolved by the SDK from the same files we read, never from the process's own defaults.
 */
export function profileCredentials(config: SharedConfig, profile: string): CredentialsProvider {
  const provider = fromIni({
    profile,
    filepath: config.credentialsFile,
    configFilepath: config.configFile,
    ignoreCache: true,
  });
  return async () => {
    try {
      const c = await provider();
      return {
        accessKeyId: c.accessKeyId,
        secretAccessKey: c.secretAccessKey,
        ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}),
        ...(c.expiration ? { expiration: c.expiration } : {}),
      };
    } catch (error) {
      throw new LakeError(
        'BAD_INPUT',
        `Could not get credentials for profile "${profile}": ${(error as Error).message}`,
        `Check the profile in ${config.configFile} / ${config.credentialsFile} (keys, credential_process or role_arn).`,
      );
    }
  };
}
