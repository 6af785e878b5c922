import { createHash } from 'node:crypto';
import type { ClusterTemplate, LaunchEstimate } from '@shared/emr.schema';
import { LakeError } from '@shared/errors';
import { COST_BASIS, hourlyPrice } from './cluster-cost';

/** Starting and bootstrapping are billed too: about a quarter of an hour before work can run. */
const STARTUP_HOURS = 0.25;

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The token that ties a confirmation to one template and its estimate (not a secret: a handshake). */
function tokenOf(template: ClusterTemplate, hourlyUsd: number): string {
  return createHash('sha256').update(JSON.stringify({ template, hourlyUsd })).digest('hex').slice(0, 24);
}

/** What a transient cluster costs an hour, and at most if it only starts and idles until it stops. */
export function estimateLaunch(template: ClusterTemplate): LaunchEstimate {
  const hourlyUsd = round2(
    hourlyPrice(template.primaryInstanceType) +
      template.coreInstanceCount * hourlyPrice(template.coreInstanceType),
  );
  return {
    template,
    hourlyUsd,
    idleCeilingUsd: round2(hourlyUsd * (STARTUP_HOURS + template.idleTimeoutMinutes / 60)),
    basis: `${COST_BASIS} The cluster terminates itself after ${template.idleTimeoutMinutes} minutes without work.`,
    confirmation: tokenOf(template, hourlyUsd),
  };
}

/** Refuses a launch whose confirmation was given for another template (or none). */
export function requireConfirmed(template: ClusterTemplate, confirmation: string): void {
  if (estimateLaunch(template).confirmation !== confirmation)
    throw new LakeError(
      'BAD_INPUT',
      'This launch was not confirmed with its cost estimate (the template changed since, or no estimate was shown).',
      'Get the estimate again (clusters.estimateLaunch), show it, and launch with its confirmation.',
    );
}
