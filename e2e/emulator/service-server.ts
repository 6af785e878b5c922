import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FaultPlan } from './faults';
import {
  ServiceError,
  type EmulatorReply,
  type EmulatorRequest,
  type Protocol,
  type RestRoute,
} from './protocols';

export type OperationHandler = (req: EmulatorRequest) => EmulatorReply | Promise<EmulatorReply>;

/** One emulated AWS service: its protocol, its route table and its operations. */
export interface ServiceDefinition {
  /** The service key, as in `[services]` sections and fault rules: `sso`, `sso_oidc`, `sts`, `glue`… */
  name: string;
  protocol: Protocol;
  /** For rest protocols: which method + path is which operation. */
  routes?: RestRoute[];
  operations: Record<string, OperationHandler>;
  /** Plain pages outside the AWS protocol and the fault layer, keyed `METHOD /path`. */
  pages?: Record<string, OperationHandler>;
}

export interface RunningService {
  name: string;
  url: string;
  server: Server;
  /** Requests per operation (faulted ones included), for tests. */
  calls: Map<string, number>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Applies the faults that fire for a request: waits for delays, and returns the error to answer
 * with, `'drop'` when the connection is to be cut, or undefined to answer normally.
 */
export async function applyFaults(
  faults: FaultPlan,
  service: string,
  operation: string,
  protocol: Protocol,
): Promise<ServiceError | 'drop' | undefined> {
  for (const rule of faults.pick(service, operation)) {
    switch (rule.kind) {
      case 'delay':
        await sleep(rule.delayMs ?? 1_000);
        break;
      case 'drop':
        return 'drop';
      case 'throttle':
        return protocol.throttling();
      case 'slowDown':
        return new ServiceError(503, 'SlowDown', 'Please reduce your request rate.');
      case 'serverError':
        return protocol.internal();
      case 'error':
        return new ServiceError(
          rule.status ?? 400,
          rule.code ?? 'InjectedError',
          rule.message ?? 'Injected error',
        );
    }
  }
  return undefined;
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function send(res: ServerResponse, reply: EmulatorReply): void {
  res.writeHead(reply.status, reply.headers ?? {});
  res.end(reply.body ?? '');
}

async function dispatch(
  def: ServiceDefinition,
  faults: FaultPlan,
  calls: Map<string, number>,
  raw: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(raw.url ?? '/', 'http://emulator');
  const req: EmulatorRequest = {
    method: raw.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: raw.headers,
    body: await readBody(raw),
  };
  const requestId = randomUUID();
  const page = def.pages?.[`${req.method} ${req.path}`];
  if (page) return send(res, await page(req));
  const operation = def.protocol.operationOf(req, def.routes ?? []);
  const handler = operation === undefined ? undefined : def.operations[operation];
  if (!operation || !handler) {
    return send(
      res,
      def.protocol.renderError(
        new ServiceError(
          404,
          'UnknownOperationException',
          `${def.name}: no operation for ${req.method} ${req.path}`,
        ),
        requestId,
      ),
    );
  }
  calls.set(operation, (calls.get(operation) ?? 0) + 1);
  const fault = await applyFaults(faults, def.name, operation, def.protocol);
  if (fault === 'drop') return void raw.socket.destroy();
  if (fault) return send(res, def.protocol.renderError(fault, requestId));
  try {
    send(res, await handler(req));
  } catch (error) {
    const e = error instanceof ServiceError ? error : new ServiceError(500, 'InternalFailure', String(error));
    send(res, def.protocol.renderError(e, requestId));
  }
}

/** Starts a service on 127.0.0.1 (a free port unless given). */
export function startService(def: ServiceDefinition, faults: FaultPlan, port = 0): Promise<RunningService> {
  const calls = new Map<string, number>();
  const server = createServer((req, res) => {
    dispatch(def, faults, calls, req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: String(error) });
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        name: def.name,
        url: `http://127.0.0.1:${bound}`,
        server,
        calls,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
