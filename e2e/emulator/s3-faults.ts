import type { IncomingMessage } from 'node:http';
import type { FaultPlan, FaultRule } from './faults';
import { restXml, ServiceError } from './protocols';

/** The whole body of a request; rejects when the client goes away before sending all of it. */
function readWhole(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('close', () => (req.complete ? undefined : reject(new Error('client went away'))));
  });
}

function answerOf(rule: FaultRule): ServiceError | 'drop' {
  switch (rule.kind) {
    case 'drop':
      return 'drop';
    case 'throttle':
      return restXml.throttling();
    case 'slowDown':
      return new ServiceError(503, 'SlowDown', 'Please reduce your request rate.');
    case 'serverError':
      return restXml.internal();
    default:
      return new ServiceError(
        rule.status ?? 400,
        rule.code ?? 'InjectedError',
        rule.message ?? 'Injected error',
      );
  }
}

export interface S3FaultOutcome {
  answer?: ServiceError | 'drop';
  /** Set when a delay held the request: its body, read while waiting. */
  body?: Buffer;
  /** The client gave up during a delay: the request must not reach s3rver. */
  isGone?: boolean;
}

/**
 * The shared fault layer for S3. During a delay the body is read meanwhile: an unread request
 * pauses its socket, so a client that gives up would go unnoticed, and s3rver would later apply a
 * dead request over a part that a retry has already written.
 */
export async function applyS3Faults(
  faults: FaultPlan,
  operation: string,
  req: IncomingMessage,
): Promise<S3FaultOutcome> {
  const rules = faults.pick('s3', operation);
  const delay = rules.filter((r) => r.kind === 'delay').reduce((ms, r) => ms + (r.delayMs ?? 1_000), 0);
  const other = rules.find((r) => r.kind !== 'delay');
  if (delay === 0) return other ? { answer: answerOf(other) } : {};
  const [body] = await Promise.all([
    readWhole(req).catch(() => undefined),
    new Promise((r) => setTimeout(r, delay)),
  ]);
  if (body === undefined) return { isGone: true };
  return other ? { answer: answerOf(other), body } : { body };
}
