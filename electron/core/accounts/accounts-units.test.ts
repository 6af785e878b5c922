import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY, fullJitterDelay, isCustomEndpoint } from '../aws-clients';
import { toAwsLakeError } from '../aws-call-errors';
import { defaultColour, PRODUCTION_COLOUR, TEST_COLOUR } from './account-colours';
import { formatExpiry, registrationCachePath, tokenCachePath } from './sso-token-cache';

describe('accounts building blocks', () => {
  it('names cache files exactly as AWS CLI v2 does (token: sha1 of the session; registration: its JSON key)', () => {
    expect(tokenCachePath('/h', 'corp')).toBe(
      '/h/.aws/sso/cache/ee0bfd2552fbd840c02cc48b6e823320543c450f.json',
    );
    const key = {
      startUrl: 'https://corp.awsapps.com/start',
      region: 'eu-central-1',
      scopes: ['sso:account:access'],
      sessionName: 'corp',
    };
    // Expected values computed with Python's json.dumps(args, sort_keys=True), as botocore does.
    expect(registrationCachePath('/h', key)).toBe(
      '/h/.aws/sso/cache/fdcad60aaabbae07299d375d185dc582b97f32f1.json',
    );
    expect(
      registrationCachePath('/h', {
        startUrl: 'https://ü.example/start',
        region: 'eu-central-1',
        scopes: [],
      }),
    ).toBe('/h/.aws/sso/cache/d876db330c495dce69eb4768a68aa3d258e92a33.json');
    expect(formatExpiry(new Date('2026-03-04T05:06:07.890Z'))).toBe('2026-03-04T05:06:07Z');
  });

  it('backs off with full jitter, capped', () => {
    const policy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1_000 };
    expect(fullJitterDelay(policy, 1, () => 0.999)).toBe(199);
    expect(fullJitterDelay(policy, 3, () => 0.5)).toBe(400);
    expect(fullJitterDelay(policy, 10, () => 0.999)).toBe(999);
    expect(fullJitterDelay(policy, 10, () => 0)).toBe(0);
  });

  it('colours production red and test green, everything else stably from a palette', () => {
    expect(defaultColour('1', 'Finance-PROD')).toBe(PRODUCTION_COLOUR);
    expect(defaultColour('1', 'team-042-staging')).toBe(TEST_COLOUR);
    expect(defaultColour('1', 'products')).not.toBe(PRODUCTION_COLOUR);
    expect(defaultColour('123456789012', 'shared-services')).toBe(
      defaultColour('123456789012', 'shared-services'),
    );
    expect([PRODUCTION_COLOUR, TEST_COLOUR]).not.toContain(defaultColour('123456789012', 'shared-services'));
  });

  it('tells custom endpoints from AWS ones', () => {
    expect(isCustomEndpoint('http://127.0.0.1:4566')).toBe(true);
    expect(isCustomEndpoint('https://s3.eu-west-1.amazonaws.com')).toBe(false);
    expect(isCustomEndpoint(undefined)).toBe(false);
  });

  it('turns SDK failures into errors that say what failed and what to do', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(toAwsLakeError(refused, 'STS GetCallerIdentity', undefined, 'http://127.0.0.1:1')).toMatchObject({
      code: 'AWS_ERROR',
      message: expect.stringContaining('could not reach the service at http://127.0.0.1:1'),
      hint: expect.stringContaining('endpoint_url'),
    });
    const unauthorized = Object.assign(new Error('Session token not found'), {
      name: 'UnauthorizedException',
      $metadata: { httpStatusCode: 401 },
    });
    expect(toAwsLakeError(unauthorized, 'SSO ListAccounts', 'corp')).toMatchObject({
      code: 'SIGN_IN_REQUIRED',
      reason: 'rejected',
    });
    expect(
      toAwsLakeError(
        Object.assign(new Error('No access'), { name: 'ForbiddenException' }),
        'SSO GetRoleCredentials',
      ),
    ).toMatchObject({
      message: 'SSO GetRoleCredentials was refused: No access.',
    });
  });
});
