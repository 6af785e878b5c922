/**
 * Fault injection, shared by every emulated service: each request asks `pick` which faults fire.
 * Rules are per service and may be limited to operations, a number of times, or a probability
 * (from a seeded generator, so a failing run can be replayed).
 */
export type FaultKind = 'throttle' | 'slowDown' | 'serverError' | 'drop' | 'delay' | 'error';

export interface FaultRule {
  kind: FaultKind;
  /** Only these operations (e.g. `ListAccounts`); default all. */
  operations?: string[];
  /** Fire this many times, then retire; default: for ever. */
  times?: number;
  /** Probability per matching request, 0..1; default 1. */
  rate?: number;
  /** For `delay`: how long to hold the request before answering normally. */
  delayMs?: number;
  /** For `error`: the status, error code and message to answer with. */
  status?: number;
  code?: string;
  message?: string;
}

/** mulberry32: tiny, seedable, good enough to spread faults. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultPlan {
  private readonly rules = new Map<string, FaultRule[]>();
  private readonly random: () => number;
  /** How many faults fired, per `service operation kind`, for tests to check storms really happened. */
  readonly fired = new Map<string, number>();

  constructor(seed = 42) {
    this.random = seeded(seed);
  }

  /** Adds a rule for a service (`sso`, `sso_oidc`, `sts`, `s3`, later `glue`, `athena`, `emr`). */
  add(service: string, rule: FaultRule): void {
    this.rules.set(service, [...(this.rules.get(service) ?? []), { ...rule }]);
  }

  /** Removes the rules of one service, or of all. */
  clear(service?: string): void {
    if (service === undefined) this.rules.clear();
    else this.rules.delete(service);
  }

  /**
   * The faults that fire for this request, in the order they were added: any delays, then at most
   * one answer-changing fault (later ones are left for later requests).
   */
  pick(service: string, operation: string): FaultRule[] {
    const fired: FaultRule[] = [];
    for (const rule of this.rules.get(service) ?? []) {
      if (rule.kind !== 'delay' && fired.some((f) => f.kind !== 'delay')) break;
      if (rule.operations && !rule.operations.includes(operation)) continue;
      if (rule.times !== undefined && rule.times <= 0) continue;
      if (rule.rate !== undefined && this.random() >= rule.rate) continue;
      if (rule.times !== undefined) rule.times -= 1;
      const key = `${service} ${operation} ${rule.kind}`;
      this.fired.set(key, (this.fired.get(key) ?? 0) + 1);
      fired.push(rule);
    }
    return fired;
  }

  /** How many faults of `kind` fired on a service (all operations). */
  count(service: string, kind: FaultKind): number {
    let total = 0;
    for (const [key, n] of this.fired)
      if (key.startsWith(`${service} `) && key.endsWith(` ${kind}`)) total += n;
    return total;
  }
}
