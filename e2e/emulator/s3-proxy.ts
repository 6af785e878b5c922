import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FaultPlan } from './faults';
import type { IdentityStore } from './identity-store';
import { restXml, ServiceError, type EmulatorReply } from './protocols';
import { callerOf, type S3Access } from './s3-access';
import { decodeEncryption, encodeEncryption } from './s3-encryption';
import { listObjectsV2 } from './s3-listing';
import type { S3rverMultipart } from './s3-multipart';
import { applyS3Faults } from './s3-faults';
import { send, type RunningService } from './service-server';

/** A rough S3 operation name from method and URL, so fault rules can target `PutObject`, `UploadPart`… */
export function s3OperationOf(method: string, url: URL): string {
  const [bucket, ...key] = url.pathname.split('/').filter(Boolean);
  const q = url.searchParams;
  if (!bucket) return 'ListBuckets';
  if (key.length === 0) {
    if (method === 'GET' && q.has('uploads')) return 'ListMultipartUploads';
    return { GET: 'ListObjectsV2', PUT: 'CreateBucket', HEAD: 'HeadBucket' }[method] ?? `${method}Bucket`;
  }
  if (method === 'POST' && q.has('uploads')) return 'CreateMultipartUpload';
  if (method === 'PUT' && q.has('partNumber')) return 'UploadPart';
  if (method === 'POST' && q.has('uploadId')) return 'CompleteMultipartUpload';
  if (method === 'DELETE' && q.has('uploadId')) return 'AbortMultipartUpload';
  if (method === 'GET' && q.has('uploadId')) return 'ListParts';
  return (
    { GET: 'GetObject', PUT: 'PutObject', HEAD: 'HeadObject', DELETE: 'DeleteObject' }[method] ??
    `${method}Object`
  );
}

export interface S3ProxyOptions {
  /** s3rver's URL. */
  target: string;
  faults: FaultPlan;
  store: IdentityStore;
  access: S3Access;
  multipart: S3rverMultipart;
  /** s3rver's data folder (listings are answered from it). */
  dataDir: string;
  /** Requests per operation; kept by the caller so counts survive a restart. */
  calls: Map<string, number>;
  /** Listen here (a restart reuses the port clients already know); default a free port. */
  port?: number;
}

function bucketAndKey(url: URL): { bucket: string; key: string } {
  const [, bucket = '', ...rest] = url.pathname.split('/');
  return { bucket: decodeURIComponent(bucket), key: decodeURIComponent(rest.join('/')) };
}

/** The calls s3rver cannot answer, answered here; undefined to pass the request on. */
async function answerLocally(
  o: S3ProxyOptions,
  operation: string,
  url: URL,
): Promise<EmulatorReply | undefined> {
  const { bucket, key } = bucketAndKey(url);
  const uploadId = url.searchParams.get('uploadId') ?? '';
  switch (operation) {
    case 'ListObjectsV2':
      return url.searchParams.get('list-type') === '2'
        ? listObjectsV2(o.dataDir, bucket, url.searchParams)
        : undefined;
    case 'ListParts':
      return o.multipart.listParts(bucket, key, url.searchParams);
    case 'ListMultipartUploads':
      return o.multipart.listUploads(bucket, url.searchParams);
    case 'AbortMultipartUpload':
      return o.multipart.abort(bucket, uploadId);
    case 'UploadPart':
    case 'CompleteMultipartUpload':
      // s3rver would happily recreate an aborted upload's folder from a late part.
      if (!(await o.multipart.exists(bucket, uploadId))) throw o.multipart.noSuchUpload();
      return undefined;
    default:
      return undefined;
  }
}

function forward(
  o: S3ProxyOptions,
  req: IncomingMessage,
  res: ServerResponse,
  operation: string,
  url: URL,
  body: Buffer | undefined,
): void {
  if (body === undefined && req.destroyed && !req.complete) return;
  const upstream = new URL(o.target);
  const isWrite = operation === 'PutObject' || operation === 'CreateMultipartUpload';
  const headers = isWrite ? encodeEncryption(req.headers) : req.headers;
  const out = request(
    { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
    (answer) => {
      void (async () => {
        const status = answer.statusCode ?? 502;
        if (operation === 'UploadPart' && status === 200) {
          const { bucket } = bucketAndKey(url);
          const q = url.searchParams;
          await o.multipart.waitForPart(
            bucket,
            q.get('uploadId') ?? '',
            q.get('partNumber') ?? '',
            Number(req.headers['content-length'] ?? 0),
          );
        }
        const isRead = (operation === 'GetObject' || operation === 'HeadObject') && status < 300;
        res.writeHead(status, isRead ? decodeEncryption(answer.headers) : answer.headers);
        answer.pipe(res);
      })();
    },
  );
  out.on('error', (error) =>
    res.headersSent
      ? res.destroy()
      : send(res, restXml.renderError(new ServiceError(502, 'BadGateway', String(error)), randomUUID())),
  );
  if (body !== undefined) return void out.end(body);
  // The client went away mid-body: s3rver must see the request end too, not wait for ever.
  req.once('close', () => {
    if (!req.complete) out.destroy();
  });
  req.pipe(out);
}

async function handle(o: S3ProxyOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://emulator');
  const operation = s3OperationOf(req.method ?? 'GET', url);
  o.calls.set(operation, (o.calls.get(operation) ?? 0) + 1);
  // Credentials are checked on arrival, as S3 does, not after an injected delay.
  const caller = callerOf(o.store, req, url);
  const { answer: fault, body, isGone } = await applyS3Faults(o.faults, operation, req);
  if (fault === 'drop' || isGone) return void req.socket.destroy();
  const { bucket, key } = bucketAndKey(url);
  const refusal = fault ?? caller.problem ?? o.access.check(operation, bucket, key, caller);
  try {
    if (refusal) throw refusal;
    const local = await answerLocally(o, operation, url);
    if (!local) return forward(o, req, res, operation, url, body);
    req.resume();
    send(res, local);
  } catch (error) {
    req.resume();
    const e = error instanceof ServiceError ? error : new ServiceError(500, 'InternalError', String(error));
    send(res, restXml.renderError(e, randomUUID()));
  }
}

/**
 * S3 in front of s3rver: the shared fault layer, session tokens checked (expired role credentials
 * are refused as S3 does), denials, encryption headers, and the multipart calls s3rver lacks;
 * everything else is streamed through unchanged.
 */
export function startS3Proxy(options: S3ProxyOptions): Promise<RunningService> {
  const server = createServer((req, res) => {
    handle(options, req, res).catch(() => res.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        name: 's3',
        url: `http://127.0.0.1:${port}`,
        server,
        calls: options.calls,
        close: () => new Promise<void>((done) => (server.closeAllConnections(), server.close(() => done()))),
      });
    });
  });
}
