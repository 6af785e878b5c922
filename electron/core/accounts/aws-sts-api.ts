import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { CallerIdentity } from '@shared/accounts.schema';
import { createStsClient, type ClientTarget } from '../aws-clients';
import { toAwsLakeError } from '../aws-call-errors';

/** STS GetCallerIdentity: who AWS says these credentials are. */
export async function getCallerIdentity(
  target: ClientTarget,
  organisation?: string,
): Promise<CallerIdentity> {
  const client = createStsClient(target);
  try {
    const out = await client.send(new GetCallerIdentityCommand({}));
    return { accountId: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
  } catch (error) {
    throw toAwsLakeError(error, 'STS GetCallerIdentity', organisation, target.endpoint);
  } finally {
    client.destroy();
  }
}
