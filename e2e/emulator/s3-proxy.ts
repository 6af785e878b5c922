import { createServer, request, type IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FaultPlan } from './faults';
import type { IdentityStore } from './identity-store';
import { restXml, ServiceError, type EmulatorRequest } from './protocols';
import { applyFaults, send, type RunningService } from './service-server';
import { sessionTokenOf } from './sts-service';

/** A rough S3 operation name from method and URL, so fault rules can target `PutObject`, `UploadPart`… */
export function s3OperationOf(method: string, url: URL): string {
  const [bucket, ...key] = url.pathname.split('/').filter(Boolean);
  const q = url.searchParams;
  if (!bucket) return 'ListBuckets';
  if (key.length === 0)
    return method === 'GET'
      ? 'ListObjectsV2'
      : method === 'PUT'
        ? 'CreateBucket'
        : method === 'HEAD'
          ? 'HeadBucket'
          : `${method}Bucket`;
  if (method === 'POST' && q.has('uploads')) return 'CreateMultipartUpload';
  if (method === 'PUT' && q.has('partNumber')) return 'UploadPart';
  if (method === 'POST' && q.has('uploadId')) return 'CompleteMultipartUpload';
  if (method === 'DELETE' && q.has('uploadId')) return 'AbortMultipartUpload';
  return (
    { GET: 'GetObject', PUT: 'PutObject', HEAD: 'HeadObject', DELETE: 'DeleteObject' }[method] ??
    `${method}Object`
  );
}

function credentialProblem(store: IdentityStore, raw: IncomingMessage, url: URL): ServiceError | undefined {
  const req: EmulatorRequest = {
    method: raw.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers: raw.headers,
    body: Buffer.alloc(0),
  };
  const token = sessionTokenOf(req);
  if (!token) return undefined;
  const creds = store.roleCredentials.get(token);
  if (!creds)
    return new ServiceError(403, 'InvalidToken', 'The provided token is malformed or otherwise invalid.');
  if (creds.expiresAt < Date.now())
    return new ServiceError(400, 'ExpiredToken', 'The provided token has expired.');
  return undefined;
}

/**
 * S3 in front of s3rver: the shared fault layer, and session tokens checked (expired role
 * credentials are refused as S3 does), then the request streamed through unchanged.
 */
export function startS3Proxy(
  target: string,
  faults: FaultPlan,
  store: IdentityStore,
): Promise<RunningService> {
  const calls = new Map<string, number>();
  const upstream = new URL(target);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const operation = s3OperationOf(req.method ?? 'GET', url);
    calls.set(operation, (calls.get(operation) ?? 0) + 1);
    const fault = (await applyFaults(faults, 's3', operation, restXml)) ?? credentialProblem(store, req, url);
    if (fault === 'drop') return void req.socket.destroy();
    if (fault) {
      req.resume();
      return send(res, restXml.renderError(fault, randomUUID()));
    }
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', (error) =>
      res.headersSent
        ? res.destroy()
        : send(res, restXml.renderError(new ServiceError(502, 'BadGateway', String(error)), randomUUID())),
    );
    req.pipe(forward);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        name: 's3',
        url: `http://127.0.0.1:${port}`,
        server,
        calls,
        close: () => new Promise<void>((done) => (server.closeAllConnections(), server.close(() => done()))),
      });
    });
  });
}
