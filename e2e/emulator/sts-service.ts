import type { IdentityStore } from './identity-store';
import { awsQuery, ServiceError, xml, type EmulatorRequest } from './protocols';
import type { ServiceDefinition } from './service-server';

const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** The access key id of a SigV4 request (`Credential=AKID/date/region/service/aws4_request`). */
export function accessKeyOf(req: EmulatorRequest): string | undefined {
  const auth = String(req.headers.authorization ?? '');
  return /Credential=([^/]+)\//.exec(auth)?.[1] ?? req.query.get('X-Amz-Credential')?.split('/')[0];
}

export function sessionTokenOf(req: EmulatorRequest): string | undefined {
  const header = req.headers['x-amz-security-token'];
  return (Array.isArray(header) ? header[0] : header) ?? req.query.get('X-Amz-Security-Token') ?? undefined;
}

/** Who a request is, by its session token (role credentials) or its static key (s3rver's). */
function callerOf(
  store: IdentityStore,
  req: EmulatorRequest,
): { account: string; arn: string; userId: string } {
  const token = sessionTokenOf(req);
  if (token) {
    const creds = store.roleCredentials.get(token);
    if (!creds)
      throw new ServiceError(
        403,
        'InvalidClientTokenId',
        'The security token included in the request is invalid.',
      );
    if (creds.expiresAt < Date.now())
      throw new ServiceError(400, 'ExpiredToken', 'The security token included in the request is expired');
    const role = `AWSReservedSSO_${creds.roleName}_0123456789abcdef`;
    return {
      account: creds.accountId,
      arn: `arn:aws:sts::${creds.accountId}:assumed-role/${role}/${store.user}`,
      userId: `AROAEMULATOR${creds.roleName.toUpperCase().slice(0, 8)}:${store.user}`,
    };
  }
  if (accessKeyOf(req) === 'S3RVER')
    return {
      account: '000000000000',
      arn: 'arn:aws:iam::000000000000:user/s3rver',
      userId: 'AIDAEMULATORS3RVER',
    };
  throw new ServiceError(
    403,
    'InvalidClientTokenId',
    'The security token included in the request is invalid.',
  );
}

/** STS (awsQuery: form-encoded Action, XML answers), GetCallerIdentity only for now. */
export function stsService(store: IdentityStore): ServiceDefinition {
  return {
    name: 'sts',
    protocol: awsQuery,
    operations: {
      GetCallerIdentity: (req) => {
        const caller = callerOf(store, req);
        return xml(
          `<GetCallerIdentityResponse xmlns="${NS}"><GetCallerIdentityResult>` +
            `<Arn>${caller.arn}</Arn><UserId>${caller.userId}</UserId><Account>${caller.account}</Account>` +
            `</GetCallerIdentityResult><ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
        );
      },
    },
  };
}
