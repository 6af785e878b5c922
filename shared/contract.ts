import { z } from 'zod';
import { accountsContract, accountsEvents } from './accounts.schema';
import { appContract, appEvents } from './app.schema';
import { Job, jobsContract } from './jobs.schema';
import { Workspace, workspacesContract } from './workspaces.schema';
import { storageContract } from './storage.schema';
import { storageObjectsContract } from './storage-objects.schema';
import { transfersContract, transfersEvents } from './transfers-contract.schema';
import { catalogContract, catalogEvents } from './catalog.schema';
import { queriesContract } from './queries.schema';
import { reportsContract } from './reports.schema';
import { bundlesContract } from './bundles.schema';
import { clustersContract, clustersEvents } from './clusters.schema';

/**
 * Every call the UI can make, as name → { input, output } zod schemas. A call that starts long work
 * returns a JobRef as output and names the schema of the job's final result in `job`.
 * The area files (`<area>.schema.ts`) hold the entries; this file only puts them together.
 */
export const contract = {
  ...appContract,
  ...workspacesContract,
  ...jobsContract,
  ...storageContract,
  ...storageObjectsContract,
  ...transfersContract,
  ...catalogContract,
  ...queriesContract,
  ...reportsContract,
  ...bundlesContract,
  ...clustersContract,
  ...accountsContract,
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type Input<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type Output<M extends Method> = z.output<Contract[M]['output']>;

/** Methods that start a job, and the schema of the job's result. */
export type JobMethod = {
  [M in Method]: Contract[M] extends { job: z.ZodType } ? M : never;
}[Method];
export type JobResult<M extends JobMethod> = Contract[M] extends { job: infer S extends z.ZodType }
  ? z.output<S>
  : never;

/** The events the Node side pushes to every front door, by topic. */
export const events = {
  /** A job started, made progress, or reached its final state. */
  'jobs.changed': Job,
  /** The active workspace changed (opened, switched, forgotten). */
  'workspaces.changed': z.object({ active: Workspace.nullable() }),
  ...appEvents,
  ...accountsEvents,
  ...transfersEvents,
  ...catalogEvents,
  ...clustersEvents,
} as const;

export type Topic = keyof typeof events;
export type EventPayload<T extends Topic> = z.output<(typeof events)[T]>;

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export function isTopic(name: string): name is Topic {
  return Object.prototype.hasOwnProperty.call(events, name);
}
