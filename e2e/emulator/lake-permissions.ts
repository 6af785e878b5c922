import type { IdentityStore } from './identity-store';
import { ServiceError, type EmulatorRequest } from './protocols';
import { sessionTokenOf } from './sts-service';

/** A Lake Formation grant: `*` for every role, database or table. */
export interface LakeGrant {
  role: string;
  database: string;
  table: string;
  permissions: string[];
  grantable?: string[];
}

/** A permission taken away (the emulator's configurable denial): by role, table, or both. */
export interface LakeDenial {
  permission: string;
  role?: string;
  database?: string;
  table?: string;
}

/** Who signed a request: the role of its session token, or `iam-user` for static keys. */
export interface LakeCaller {
  accountId: string;
  roleName: string;
}

export function callerOfRequest(store: IdentityStore, req: EmulatorRequest): LakeCaller {
  const token = sessionTokenOf(req);
  const creds = token ? store.roleCredentials.get(token) : undefined;
  if (token && !creds)
    throw new ServiceError(
      403,
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  return creds
    ? { accountId: creds.accountId, roleName: creds.roleName }
    : { accountId: '000000000000', roleName: 'iam-user' };
}

/** The IAM role ARN of an SSO permission set's role, as Lake Formation names principals. */
export function principalArn(caller: LakeCaller): string {
  return `arn:aws:iam::${caller.accountId}:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_${caller.roleName}_0123456789abcdef`;
}

const ADMIN_ROLES = ['AdministratorAccess', 'DataEngineer'];
const ALL_TABLE = ['ALTER', 'DELETE', 'DESCRIBE', 'DROP', 'INSERT', 'SELECT'];

const matches = (pattern: string | undefined, value: string) =>
  pattern === undefined || pattern === '*' || pattern === value;

/** Lake Formation's view of who may do what on which table. */
export class LakePermissions {
  grants: LakeGrant[] = [
    { role: '*', database: '*', table: '*', permissions: ['SELECT', 'DESCRIBE'] },
    ...ADMIN_ROLES.map((role) => ({
      role,
      database: '*',
      table: '*',
      permissions: ['ALL'],
      grantable: ['ALL'],
    })),
  ];
  denials: LakeDenial[] = [];

  /** Takes a permission away (SELECT on billing from FinanceAnalyst, say) until `reset`. */
  deny(denial: LakeDenial): void {
    this.denials.push(denial);
  }

  reset(): void {
    this.denials = [];
  }

  isAdmin(role: string): boolean {
    return ADMIN_ROLES.includes(role);
  }

  /** The permissions a role holds on a table, ALL spelled out, denials applied. */
  effective(role: string, database: string, table: string): { permissions: string[]; grantable: string[] } {
    const held = new Set<string>();
    const grantable = new Set<string>();
    for (const g of this.grants) {
      if (!matches(g.role, role) || !matches(g.database, database) || !matches(g.table, table)) continue;
      for (const p of g.permissions) (p === 'ALL' ? ALL_TABLE : [p]).forEach((x) => held.add(x));
      for (const p of g.grantable ?? []) (p === 'ALL' ? ALL_TABLE : [p]).forEach((x) => grantable.add(x));
    }
    for (const d of this.denials) {
      if (!matches(d.role, role) || !matches(d.database, database) || !matches(d.table, table)) continue;
      held.delete(d.permission);
      grantable.delete(d.permission);
    }
    return { permissions: [...held].sort(), grantable: [...grantable].sort() };
  }

  /** The AccessDeniedException Glue, Athena or EMR answer with when `permission` is missing. */
  check(role: string, database: string, table: string, permission: string): void {
    if (this.effective(role, database, table).permissions.includes(permission)) return;
    throw new ServiceError(
      400,
      'AccessDeniedException',
      permission === 'DESCRIBE'
        ? `Insufficient Lake Formation permission(s) on ${table}`
        : `Insufficient Lake Formation permission(s): Required ${permission} on ${table}`,
    );
  }
}
