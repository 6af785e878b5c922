import { LakeError } from '@shared/errors';
import { toAwsLakeError } from './aws-call-errors';

/** What a refused call was about, so the refusal can name the table and the permission missing. */
export interface DeniedContext {
  /** What the person was doing, as a sentence start: "Reading table lake.billing". */
  action: string;
  /** `database.table`, when the call concerns one table. */
  table?: string;
  /** The Lake Formation permission the call needs, when known (SELECT, DESCRIBE, ALTER…). */
  permission?: string;
}

/** Error names a caller maps to its own errors (e.g. EntityNotFoundException → NOT_FOUND). */
export type KnownErrors = Record<string, (message: string) => LakeError>;

const LF_REQUIRED = /Insufficient Lake Formation permission\(s\): Required (\w+) on ([\w.-]+)/i;
const LF_ON = /Insufficient Lake Formation permission\(s\) on ([\w.-]+)/i;
const IAM_ACTION = /not authorized to perform: ([\w-]+:\w+)(?: on resource: (\S+))?/i;

/** A Lake Formation refusal quoted in a message or a log (Glue, Athena, Spark): permission and table. */
export function lakeFormationRefusal(text: string): { permission?: string; table: string } | undefined {
  const required = LF_REQUIRED.exec(text);
  if (required) return { permission: required[1]!.toUpperCase(), table: required[2]! };
  const onTable = LF_ON.exec(text);
  return onTable ? { table: onTable[1]! } : undefined;
}

function isDenied(e: { name?: string; $metadata?: { httpStatusCode?: number } }): boolean {
  return (
    ['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation'].includes(e.name ?? '') ||
    e.$metadata?.httpStatusCode === 403
  );
}

/**
 * An AccessDenied explained: which table and which permission (Lake Formation), or which IAM action,
 * the role lacks, and whom to ask. Undefined when `error` is not a refusal.
 */
export function explainAccessDenied(
  error: unknown,
  roleName: string,
  context: DeniedContext,
): LakeError | undefined {
  const e = (error ?? {}) as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  if (!isDenied(e)) return undefined;
  const message = e.message ?? '';
  const refusal = lakeFormationRefusal(message);
  if (refusal) {
    const permission = refusal.permission ?? context.permission ?? 'DESCRIBE';
    const table = context.table ?? refusal.table;
    return new LakeError(
      'AWS_ERROR',
      `${context.action} was refused: role ${roleName} lacks the Lake Formation permission ${permission} on table ${table}.`,
      `Ask a Lake Formation administrator to grant ${permission} on ${table} to role ${roleName}, or switch to a role that has it.`,
    );
  }
  const iam = IAM_ACTION.exec(message);
  if (iam) {
    const resource = iam[2] ? ` on ${iam[2]}` : '';
    return new LakeError(
      'AWS_ERROR',
      `${context.action} was refused: role ${roleName} may not ${iam[1]}${resource}.`,
      `Ask your AWS administrator to allow ${iam[1]} for role ${roleName}, or switch to a role that has it.`,
    );
  }
  const what = context.table ? ` on table ${context.table}` : '';
  const needs = context.permission ? ` It needs ${context.permission}${what}.` : '';
  return new LakeError(
    'AWS_ERROR',
    `${context.action} was refused for role ${roleName}: ${message || e.name}.${needs}`,
    'Ask your AWS administrator for access, or switch to a role that has it.',
  );
}

/** One AWS service as a workspace's role reaches it: calls with errors a person can act on. */
export class AwsCaller {
  constructor(
    readonly service: string,
    readonly roleName: string,
    private readonly organisation: string,
    private readonly endpoint?: string,
  ) {}

  /**
   * Runs one SDK call. A refusal is explained (`denied`), a known error name becomes its mapped error,
   * anything else goes through `toAwsLakeError` (throttling, network, sign-in).
   */
  async call<T>(
    operation: string,
    run: () => Promise<T>,
    denied?: DeniedContext,
    known: KnownErrors = {},
  ): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof LakeError) throw error;
      const name = (error as { name?: string } | null)?.name ?? '';
      const message = (error as { message?: string } | null)?.message ?? name;
      if (known[name]) throw known[name](message);
      const explained = explainAccessDenied(
        error,
        this.roleName,
        denied ?? { action: `${this.service} ${operation}` },
      );
      if (explained) throw explained;
      throw toAwsLakeError(error, `${this.service} ${operation}`, this.organisation, this.endpoint);
    }
  }
}
