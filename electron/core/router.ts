import { contract, isMethod, type Method } from '@shared/contract';
import type { CallResult, LakeErrorShape } from '@shared/errors';
import { toErrorShape } from './errors';
import type { CallContext, Caller, CallHandler, Handlers, JobHandler } from './handler-types';
import type { Services } from './services';

export interface Router {
  /**
   * Dispatches one contract call. Never throws: every failure comes back as `{ ok: false, error }`,
   * because Electron passes only an exception's message across IPC and HTTP passes nothing typed.
   */
  call(method: string, input: unknown, caller: Caller): Promise<CallResult<unknown>>;
}

const fail = (error: LakeErrorShape): CallResult<never> => ({ ok: false, error });

export function createRouter(handlers: Handlers, services: Services): Router {
  return {
    async call(method, rawInput, caller) {
      if (!caller.trusted) {
        return fail({ code: 'FORBIDDEN', message: `Call to ${method} refused: the sender is not trusted.` });
      }
      if (!isMethod(method)) {
        return fail({
          code: 'UNKNOWN_METHOD',
          message: `Unknown method "${method}".`,
          hint: 'The UI and the core may be from different versions: restart Lakedesk.',
        });
      }
      const entry = contract[method];
      const parsed = entry.input.safeParse(rawInput ?? {});
      if (!parsed.success) return fail(toErrorShape(parsed.error));
      const ctx: CallContext = { ...services, caller };
      try {
        if ('job' in entry) {
          const handler = handlers[method] as unknown as JobHandler<never>;
          const resultSchema = (entry as { job: { parse(v: unknown): unknown } }).job;
          const job = services.jobs.start(method, handler.title(parsed.data as never, ctx), async (control) =>
            resultSchema.parse(await handler.run(parsed.data as never, ctx, control)),
          );
          return { ok: true, value: { jobId: job.id } };
        }
        const handler = handlers[method] as unknown as CallHandler<Method>;
        const value: unknown = await handler(parsed.data as never, ctx);
        // Checking the output too catches a service drifting from the contract at the boundary.
        return { ok: true, value: entry.output.parse(value) };
      } catch (error) {
        return fail(toErrorShape(error));
      }
    },
  };
}
