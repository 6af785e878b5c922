import { createWriteStream } from 'node:fs';
import { open, readFile, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { Input, JobMethod, JobResult, Method, Output } from '@shared/contract';
import { LakeError } from '@shared/errors';
import { createCore, type Core } from '../../core';
import { tempDir } from '../../engine/test-lakes';
import { ZipReader } from './zip-archive';

// Test support only: a core in a fresh home, typed calls, and ways to damage a bundle.

export interface TestCore {
  core: Core;
  home: string;
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  /** The call's error, or its job's (the test fails if it succeeds). */
  fail<M extends Method>(method: M, input: Input<M>): Promise<LakeError>;
  job<M extends JobMethod>(method: M, input: Input<M>): Promise<JobResult<M>>;
  close(): Promise<void>;
}

/** A core in a fresh app home, optionally with a local lake open as the workspace. */
export async function testCore(lake?: string): Promise<TestCore> {
  const home = await tempDir('lakedesk-bundle-home-');
  const core = createCore({ home, version: '0.0.0-test' });
  const raw = async (method: Method, input: unknown) =>
    core.router.call(method, input, { frontDoor: 'cli', trusted: true });
  const call = async <M extends Method>(method: M, input: Input<M>): Promise<Output<M>> => {
    const result = await raw(method, input);
    if (!result.ok) throw new LakeError(result.error.code, result.error.message, result.error.hint);
    return result.value as Output<M>;
  };
  const tc: TestCore = {
    core,
    home,
    call,
    async fail(method, input) {
      const result = await raw(method, input);
      if (!result.ok) return new LakeError(result.error.code, result.error.message, result.error.hint);
      const jobId = (result.value as { jobId?: string }).jobId;
      const job = jobId === undefined ? undefined : await core.services.jobs.wait(jobId);
      if (!job?.error || job.state === 'succeeded')
        throw new Error(`${method} succeeded where it should fail`);
      return new LakeError(job.error.code, job.error.message, job.error.hint);
    },
    async job(method, input) {
      const { jobId } = (await call(method, input)) as { jobId: string };
      const job = await core.services.jobs.wait(jobId);
      if (job.state !== 'succeeded')
        throw new LakeError(job.error?.code ?? 'INTERNAL', job.error?.message ?? job.state);
      return job.result as JobResult<typeof method>;
    },
    close: () => core.close(),
  };
  if (lake !== undefined) await call('workspaces.open', { kind: 'local', path: lake });
  return tc;
}

/** Where a member's bytes start in the zip file, and how many there are (as stored). */
export async function memberSpan(path: string, member: string): Promise<{ start: number; length: number }> {
  const zip = await ZipReader.open(path);
  const entry = zip.entries.get(member);
  zip.close();
  if (!entry) throw new Error(`${member} is not in ${path}`);
  const file = await open(path, 'r');
  const header = Buffer.alloc(30);
  await file.read(header, 0, 30, entry.relativeOffsetOfLocalHeader);
  await file.close();
  const start = entry.relativeOffsetOfLocalHeader + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  return { start, length: entry.compressedSize };
}

/** A copy of the bundle with one byte of a member's stored data changed (as a tamperer would). */
export async function flipByte(path: string, member: string, out: string): Promise<void> {
  const { start, length } = await memberSpan(path, member);
  const bytes = await readFile(path);
  const at = start + Math.floor(length / 2);
  bytes[at] = bytes[at]! ^ 0x01;
  await writeFile(out, bytes);
}

/** A copy of the bundle cut short (as an interrupted copy leaves it). */
export async function truncated(path: string, out: string, keep = 0.6): Promise<void> {
  const bytes = await readFile(path);
  await writeFile(out, bytes.subarray(0, Math.floor(bytes.length * keep)));
}

/** A copy of the bundle with its members changed by `change` (re-zipped, checksums left as they were). */
export async function rewriteBundle(
  path: string,
  out: string,
  change: (members: Map<string, Buffer>) => void,
): Promise<void> {
  const zip = await ZipReader.open(path);
  const members = new Map<string, Buffer>();
  for (const name of zip.entries.keys()) members.set(name, await zip.readBuffer(name, 1e9));
  zip.close();
  change(members);
  const writer = new yazl.ZipFile();
  for (const [name, bytes] of members) writer.addBuffer(bytes, name);
  writer.end();
  await pipeline(writer.outputStream, createWriteStream(out));
}
