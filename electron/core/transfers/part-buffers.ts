/**
 * Buffers for parts, reused: allocating a fresh 8 MiB buffer per part leaves the old ones for the
 * garbage collector, which lets memory swell to several times the parts actually in flight.
 * Only buffers of parts that completed come back; a failed or aborted part's buffer is dropped, as
 * the SDK may still hold it.
 */
export class PartBuffers {
  private readonly free = new Map<number, Buffer[]>();

  take(size: number): Buffer {
    return this.free.get(size)?.pop() ?? Buffer.allocUnsafeSlow(size);
  }

  give(buffer: Buffer): void {
    const list = this.free.get(buffer.length) ?? [];
    // Keep a handful per size: enough for the slots in flight, not a cache of every size seen.
    if (list.length < 32) list.push(buffer);
    this.free.set(buffer.length, list);
  }
}

/** One pool for every upload of the process: the part slots bound how many are out at once. */
export const partBuffers = new PartBuffers();
