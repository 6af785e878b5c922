import type { GlueClient } from '@aws-sdk/client-glue';
import {
  GetEffectivePermissionsForPathCommand,
  ListPermissionsCommand,
  type LakeFormationClient,
  type PrincipalResourcePermissions,
} from '@aws-sdk/client-lakeformation';
import { LakeError } from '@shared/errors';
import type { TablePermissions } from '@shared/glue.schema';
import type { AwsCaller } from '../aws-caller';
import { getTable } from './aws-glue-tables';

/** What each Lake Formation permission lets a finance person do with a table. */
const NEEDS: Array<{ permission: string; need: string }> = [
  { permission: 'DESCRIBE', need: 'See the table and its columns' },
  { permission: 'SELECT', need: 'Query the table (Athena, the gross-profit step)' },
  { permission: 'ALTER', need: 'Let a crawl or a job change its schema' },
];
const ALL_TABLE = ['ALTER', 'DELETE', 'DESCRIBE', 'DROP', 'INSERT', 'SELECT'];

/** The role inside a principal ARN: `…/AWSReservedSSO_<Role>_<hash>` (SSO) or `…:role/<path>/<Role>`. */
export function roleOfPrincipal(identifier: string): string {
  const last = identifier.split('/').at(-1) ?? identifier;
  return /^AWSReservedSSO_(.+)_[0-9a-f]+$/.exec(last)?.[1] ?? last;
}

function isMine(entry: PrincipalResourcePermissions, roleName: string): boolean {
  const id = entry.Principal?.DataLakePrincipalIdentifier ?? '';
  return id === 'IAM_ALLOWED_PRINCIPALS' || roleOfPrincipal(id) === roleName;
}

const expand = (list: string[] | undefined) => (list ?? []).flatMap((p) => (p === 'ALL' ? ALL_TABLE : [p]));

/** `s3://bucket/prefix/` as the S3 ARN Lake Formation takes. */
const s3Arn = (uri: string) => `arn:aws:s3:::${uri.replace(/^s3[an]?:\/\//, '').replace(/\/$/, '')}`;

/**
 * The role's effective Lake Formation permissions on a table: its grants (ListPermissions, including
 * those to IAM_ALLOWED_PRINCIPALS) and data location access on the table's S3 path.
 */
export async function tablePermissions(
  glue: { client: GlueClient; caller: AwsCaller },
  lf: LakeFormationClient,
  caller: AwsCaller,
  q: { database: string; table: string },
): Promise<TablePermissions> {
  const full = `${q.database}.${q.table}`;
  const roleName = caller.roleName;
  // Without DESCRIBE the table's location is hidden; the permissions are still worth showing.
  const location = await getTable(glue.client, glue.caller, q.database, q.table).then(
    (t) => t.location,
    (e: unknown) => {
      if (e instanceof LakeError && e.code === 'AWS_ERROR') return undefined;
      throw e;
    },
  );
  const mine: PrincipalResourcePermissions[] = [];
  let token: string | undefined;
  do {
    const page = await caller.call(
      'ListPermissions',
      () =>
        lf.send(
          new ListPermissionsCommand({
            Resource: { Table: { DatabaseName: q.database, Name: q.table } },
            NextToken: token,
          }),
        ),
      { action: `Reading your Lake Formation permissions on ${full}`, table: full },
    );
    mine.push(...(page.PrincipalResourcePermissions ?? []).filter((e) => isMine(e, roleName)));
    token = page.NextToken;
  } while (token);
  const dataLocation = location ? await dataLocationPermissions(lf, caller, location, roleName) : [];
  const permissions = [...new Set(mine.flatMap((e) => expand(e.Permissions)))].sort();
  const grantable = [...new Set(mine.flatMap((e) => expand(e.PermissionsWithGrantOption)))].sort();
  const checks = NEEDS.map((n) => ({ ...n, granted: permissions.includes(n.permission) }));
  return {
    database: q.database,
    table: q.table,
    ...(location ? { location } : {}),
    roleName,
    principal:
      mine.find((e) => e.Principal?.DataLakePrincipalIdentifier !== 'IAM_ALLOWED_PRINCIPALS')?.Principal
        ?.DataLakePrincipalIdentifier ?? `role ${roleName}`,
    permissions,
    grantable,
    dataLocation,
    checks,
    missing: checks
      .filter((c) => !c.granted)
      .map((c) => ({
        permission: c.permission,
        explanation:
          `Without ${c.permission} on ${full}, role ${roleName} cannot: ${c.need.toLowerCase()}. ` +
          `Ask a Lake Formation administrator to grant ${c.permission} on ${full} to role ${roleName}.`,
      })),
  };
}

async function dataLocationPermissions(
  lf: LakeFormationClient,
  caller: AwsCaller,
  location: string,
  roleName: string,
): Promise<string[]> {
  const { Permissions } = await caller.call(
    'GetEffectivePermissionsForPath',
    () => lf.send(new GetEffectivePermissionsForPathCommand({ ResourceArn: s3Arn(location) })),
    { action: `Reading the permissions on ${location}` },
  );
  return [
    ...new Set(
      (Permissions ?? [])
        .filter((e) => e.Resource?.DataLocation && isMine(e, roleName))
        .flatMap((e) => e.Permissions ?? []),
    ),
  ].sort();
}
