import type { JobMethod, JobResult, Method, Output, ParsedInput } from '@shared/contract';
import type { FrontDoor } from '@shared/app.schema';
import type { JobControl } from './jobs';
import type { Services } from './services';

/** Who is calling: which front door, and whether that door vouched for the sender. */
export interface Caller {
  frontDoor: FrontDoor;
  /** Set by the front door after its own check (IPC sender frame, browser token/Origin). */
  trusted: boolean;
}

export interface CallContext extends Services {
  caller: Caller;
}

export type CallHandler<M extends Method> = (
  input: ParsedInput<M>,
  ctx: CallContext,
) => Promise<Output<M>> | Output<M>;

/** A handler for long work: the router starts it as a job and returns the JobRef at once. */
export interface JobHandler<M extends JobMethod> {
  title(input: ParsedInput<M>, ctx: CallContext): string;
  run(input: ParsedInput<M>, ctx: CallContext, job: JobControl): Promise<JobResult<M>>;
}

export type Handler<M extends Method> = M extends JobMethod ? JobHandler<M> : CallHandler<M>;

/** Handlers of some methods (an area's); the full map must cover every method. */
export type HandlerMap<Ms extends Method> = { [M in Ms]: Handler<M> };
export type Handlers = HandlerMap<Method>;
