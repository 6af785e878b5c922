import type { CSSProperties } from 'react';
import type { AwsWorkspaceTarget, Workspace } from '@shared/workspaces.schema';

/** Puts an account's colour in reach of the stylesheet (`var(--account-colour)`). */
export function colourStyle(colour: string | undefined): CSSProperties | undefined {
  return colour ? ({ '--account-colour': colour } as CSSProperties) : undefined;
}

/** The colour swatch that labels an account everywhere. */
export function ColourChip({ colour, size = 12 }: { colour: string; size?: number }) {
  return (
    <span
      className="colour-chip"
      style={{ background: colour, width: size, height: size }}
      aria-hidden="true"
      data-testid="colour-chip"
      data-colour={colour}
    />
  );
}

/** One line naming a workspace fully: "finance-prod (100000000000) · FinanceAnalyst · eu-west-1". */
export function workspaceTitle(workspace: Workspace): string {
  const aws = workspace.aws;
  if (workspace.kind !== 'aws' || !aws) return `${workspace.name} (local lake)`;
  return `${aws.accountName} (${aws.accountId}) · ${aws.roleName} · ${aws.region}`;
}

/**
 * An AWS workspace's label: colour, account name, id, role and region, each in its own element so
 * a glance (and a test) finds them.
 */
export function AwsTargetLabel({
  target,
  testIdPrefix,
}: {
  target: AwsWorkspaceTarget;
  testIdPrefix?: string;
}) {
  const id = (part: string) => (testIdPrefix ? `${testIdPrefix}-${part}` : undefined);
  return (
    <span className="aws-label">
      <ColourChip colour={target.colour} />
      <span className="aws-label-account" data-testid={id('name')}>
        {target.accountName}
      </span>
      <span className="aws-label-id mono" data-testid={id('account-id')}>
        {target.accountId}
      </span>
      <span className="aws-label-sep" aria-hidden="true">
        ·
      </span>
      <span className="aws-label-role" data-testid={id('role')}>
        {target.roleName}
      </span>
      <span className="aws-label-sep" aria-hidden="true">
        ·
      </span>
      <span className="aws-label-region" data-testid={id('region')}>
        {target.region}
      </span>
    </span>
  );
}
