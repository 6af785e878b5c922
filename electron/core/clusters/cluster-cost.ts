import type { CostEstimate } from '@shared/emr.schema';

/**
 * On-demand list prices per hour, EC2 + the EMR uplift (us-east-1, 2026). A rough guide for finance
 * staff deciding whether to leave a cluster up, not a bill: no savings plans, spot, EBS or transfer.
 */
const HOURLY_USD: Record<string, number> = {
  'm5.xlarge': 0.24,
  'm5.2xlarge': 0.48,
  'm5.4xlarge': 0.96,
  'm6g.xlarge': 0.1925,
  'm6g.2xlarge': 0.385,
  'm7g.xlarge': 0.204,
  'r5.xlarge': 0.315,
  'r5.2xlarge': 0.63,
  'r5.4xlarge': 1.26,
  'c5.xlarge': 0.213,
  'c5.2xlarge': 0.425,
};

/** An m5.xlarge (8 normalized units) costs 0.24 an hour: 0.03 a unit-hour, for types not listed. */
const USD_PER_UNIT_HOUR = 0.03;

export const COST_BASIS =
  'On-demand list prices (EC2 + EMR, us-east-1); excludes EBS, data transfer, savings plans and spot discounts.';

/** EMR's normalization factor: small = 1, medium = 2, large = 4, xlarge = 8, Nxlarge = 8N. */
export function normalizationFactor(instanceType: string): number {
  const size = instanceType.split('.')[1] ?? 'large';
  const named: Record<string, number> = { nano: 0.25, micro: 0.5, small: 1, medium: 2, large: 4, xlarge: 8 };
  if (named[size] !== undefined) return named[size];
  const n = Number(/^(\d+)xlarge$/.exec(size)?.[1] ?? '1');
  return 8 * n;
}

export function hourlyPrice(instanceType: string): number {
  return HOURLY_USD[instanceType] ?? normalizationFactor(instanceType) * USD_PER_UNIT_HOUR;
}

/** Instances of one type, as a group or fleet asks for them. */
export interface InstanceCount {
  instanceType: string;
  count: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The cluster's hourly rate and what its normalized instance hours so far cost at that rate (EMR
 * counts each started hour of each instance, in normalized units).
 */
export function estimateCost(
  instances: readonly InstanceCount[],
  normalizedInstanceHours: number,
): CostEstimate {
  const hourly = instances.reduce((t, i) => t + i.count * hourlyPrice(i.instanceType), 0);
  const units = instances.reduce((t, i) => t + i.count * normalizationFactor(i.instanceType), 0);
  const perUnitHour = units > 0 ? hourly / units : USD_PER_UNIT_HOUR;
  return {
    hourlyUsd: round2(hourly),
    toDateUsd: round2(normalizedInstanceHours * perUnitHour),
    basis: COST_BASIS,
  };
}
