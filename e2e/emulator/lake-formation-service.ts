import type { GlueStore, GlueTable } from './glue-store';
import type { IdentityStore } from './identity-store';
import { callerOfRequest, principalArn, type LakeCaller, type LakePermissions } from './lake-permissions';
import { json, restJson, ServiceError, type EmulatorRequest } from './protocols';
import type { ServiceDefinition } from './service-server';

type Body = Record<string, unknown>;
const bodyOf = (req: EmulatorRequest): Body =>
  req.body.length ? (JSON.parse(req.body.toString('utf8')) as Body) : {};

/** The role name inside a principal ARN (`…/AWSReservedSSO_<Role>_<hash>` or `…:role/<path>/<Role>`). */
export function roleOfPrincipal(arn: string): string {
  const last = arn.split('/').at(-1) ?? arn;
  return /^AWSReservedSSO_(.+)_[0-9a-f]+$/.exec(last)?.[1] ?? last;
}

function entry(caller: LakeCaller, t: GlueTable, permissions: LakePermissions) {
  const { permissions: held, grantable } = permissions.effective(caller.roleName, t.DatabaseName, t.Name);
  return {
    Principal: { DataLakePrincipalIdentifier: principalArn(caller) },
    Resource: { Table: { CatalogId: caller.accountId, DatabaseName: t.DatabaseName, Name: t.Name } },
    Permissions: held,
    PermissionsWithGrantOption: grantable,
  };
}

/** Everyone the caller may see permissions of: itself, or every role of its account for an admin. */
function principals(
  identity: IdentityStore,
  caller: LakeCaller,
  permissions: LakePermissions,
  wanted?: string,
): LakeCaller[] {
  const account = identity.accounts.find((a) => a.accountId === caller.accountId);
  const all = permissions.isAdmin(caller.roleName)
    ? (account?.roles ?? [caller.roleName]).map((roleName) => ({ accountId: caller.accountId, roleName }))
    : [caller];
  return wanted === undefined ? all : all.filter((p) => p.roleName === roleOfPrincipal(wanted));
}

function allTables(glue: GlueStore): GlueTable[] {
  return [...glue.tables.values()].flatMap((tables) => [...tables.values()]);
}

/** AWS Lake Formation (rest-json): the permissions view of a table, with configurable denials. */
export function lakeFormationService(
  glue: GlueStore,
  identity: IdentityStore,
  permissions: LakePermissions,
): ServiceDefinition {
  return {
    name: 'lakeformation',
    protocol: restJson,
    routes: [
      { method: 'POST', path: '/ListPermissions', operation: 'ListPermissions' },
      {
        method: 'POST',
        path: '/GetEffectivePermissionsForPath',
        operation: 'GetEffectivePermissionsForPath',
      },
    ],
    operations: {
      ListPermissions: (req) => {
        const body = bodyOf(req);
        const caller = callerOfRequest(identity, req);
        const resource = (body.Resource ?? {}) as { Table?: { DatabaseName?: string; Name?: string } };
        const db = resource.Table?.DatabaseName;
        if (!db)
          throw new ServiceError(400, 'InvalidInputException', 'Resource.Table.DatabaseName is required');
        const tables = resource.Table?.Name
          ? [glue.table(db, resource.Table.Name)]
          : [...glue.tablesOf(db).values()];
        const wanted = (body.Principal as { DataLakePrincipalIdentifier?: string } | undefined)
          ?.DataLakePrincipalIdentifier;
        const list = principals(identity, caller, permissions, wanted)
          .flatMap((p) => tables.map((t) => entry(p, t, permissions)))
          .filter((e) => e.Permissions.length > 0);
        return json({ PrincipalResourcePermissions: list });
      },
      GetEffectivePermissionsForPath: (req) => {
        const arn = String(bodyOf(req).ResourceArn ?? '');
        const match = /^arn:aws:s3:::(.+)$/.exec(arn);
        if (!match) throw new ServiceError(400, 'InvalidInputException', `Not an S3 ARN: ${arn}`);
        const path = `s3://${match[1]}`;
        const caller = callerOfRequest(identity, req);
        const within = allTables(glue).filter(
          (t) =>
            t.StorageDescriptor.Location.startsWith(path) || path.startsWith(t.StorageDescriptor.Location),
        );
        const list = principals(identity, caller, permissions).flatMap((p) => {
          // Every role may use the lake's locations unless a denial takes DATA_LOCATION_ACCESS away.
          const location = !permissions.denials.some(
            (d) => d.permission === 'DATA_LOCATION_ACCESS' && (!d.role || d.role === p.roleName),
          );
          return [
            ...within.map((t) => entry(p, t, permissions)),
            ...(location
              ? [
                  {
                    Principal: { DataLakePrincipalIdentifier: principalArn(p) },
                    Resource: { DataLocation: { CatalogId: p.accountId, ResourceArn: arn } },
                    Permissions: ['DATA_LOCATION_ACCESS'],
                    PermissionsWithGrantOption: [],
                  },
                ]
              : []),
          ];
        });
        return json({ Permissions: list.filter((e) => e.Permissions.length > 0) });
      },
    },
  };
}
