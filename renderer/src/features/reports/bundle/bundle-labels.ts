import type { BundleWorkspace } from '@shared/bundle-manifest.schema';
import { formatBytes } from '../../../lib/format';

const KINDS: Record<string, string> = {
  'gross-profit': 'Gross profit report',
  kpis: 'KPI dashboard',
  query: 'Query result',
};

/** What kind of report a bundle holds, as people say it. */
export function kindLabel(kind: string): string {
  return KINDS[kind] ?? kind;
}

/** Where the report's data came from: "finance — local lake at /lakes/finance" or the AWS target. */
export function workspaceLabel(workspace: BundleWorkspace): string {
  if (workspace.kind === 'local') return `${workspace.name} — local lake at ${workspace.lakePath}`;
  const account = workspace.accountName
    ? `${workspace.accountName} (${workspace.accountId})`
    : workspace.accountId;
  return `AWS account ${account} · role ${workspace.roleName} · ${workspace.region}`;
}

/** Athena's data scanned, as the console bills it: bytes in the largest sensible unit. */
export function scannedLabel(bytes: number | undefined): string | undefined {
  return bytes === undefined ? undefined : `${formatBytes(bytes)} scanned`;
}
