import type { IncomingHttpHeaders } from 'node:http';

export interface EmulatorRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface EmulatorReply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** An AWS error answer; each protocol renders it its own way. */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra fields of a JSON error body (OIDC's `error`, `error_description`). */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const json = (body: unknown, status = 200): EmulatorReply => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export const xml = (body: string, status = 200): EmulatorReply => ({
  status,
  headers: { 'content-type': 'text/xml' },
  body,
});

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** How a wire protocol names the operation and renders errors. */
export interface Protocol {
  operationOf(req: EmulatorRequest, routes: RestRoute[]): string | undefined;
  renderError(error: ServiceError, requestId: string): EmulatorReply;
  /** The throttling error this protocol's services send. */
  throttling(): ServiceError;
  internal(): ServiceError;
}

export interface RestRoute {
  method: string;
  path: string;
  operation: string;
}

/** rest-json (SSO, SSO OIDC, later EMR Serverless…): operation by method + path. */
export const restJson: Protocol = {
  operationOf: (req, routes) => routes.find((r) => r.method === req.method && r.path === req.path)?.operation,
  renderError: (e, requestId) => ({
    status: e.status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-errortype': e.code,
      'x-amzn-requestid': requestId,
    },
    body: JSON.stringify({ message: e.message, ...e.fields }),
  }),
  throttling: () => new ServiceError(429, 'TooManyRequestsException', 'Rate exceeded'),
  internal: () => new ServiceError(500, 'InternalServerException', 'Internal error (injected)'),
};

/** awsJson 1.1 (Glue, Athena, EMR): operation from `X-Amz-Target: Service.Operation`. */
export const awsJson: Protocol = {
  operationOf: (req) => String(req.headers['x-amz-target'] ?? '').split('.')[1] || undefined,
  renderError: (e, requestId) => ({
    status: e.status,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId },
    body: JSON.stringify({ __type: e.code, message: e.message, ...e.fields }),
  }),
  throttling: () => new ServiceError(400, 'ThrottlingException', 'Rate exceeded'),
  internal: () => new ServiceError(500, 'InternalServerException', 'Internal error (injected)'),
};

/** awsQuery (STS): form-encoded `Action=…`, XML answers. */
export const awsQuery: Protocol = {
  operationOf: (req) =>
    (req.method === 'POST'
      ? new URLSearchParams(req.body.toString('utf8')).get('Action')
      : req.query.get('Action')) ?? undefined,
  renderError: (e, requestId) =>
    xml(
      `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>${e.status >= 500 ? 'Receiver' : 'Sender'}</Type>` +
        `<Code>${escapeXml(e.code)}</Code><Message>${escapeXml(e.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      e.status,
    ),
  throttling: () => new ServiceError(400, 'Throttling', 'Rate exceeded'),
  internal: () => new ServiceError(500, 'InternalFailure', 'Internal error (injected)'),
};

/** rest-xml (S3): errors as `<Error>`; throttling is 503 SlowDown. */
export const restXml: Protocol = {
  operationOf: () => undefined,
  renderError: (e, requestId) =>
    xml(
      `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${escapeXml(e.code)}</Code><Message>${escapeXml(e.message)}</Message><RequestId>${requestId}</RequestId></Error>`,
      e.status,
    ),
  throttling: () => new ServiceError(503, 'SlowDown', 'Please reduce your request rate.'),
  internal: () => new ServiceError(500, 'InternalError', 'We encountered an internal error (injected).'),
};

export { escapeXml };
