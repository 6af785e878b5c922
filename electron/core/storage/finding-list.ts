import type { Finding } from '@shared/storage.schema';

/** The default cap on findings kept per validation: enough to fix a file, small enough for IPC. */
export const MAX_FINDINGS = 10_000;

/** Values longer than this are cut in findings, so 10,000 findings of huge values stay small too. */
const MAX_VALUE_CHARS = 200;

/** Keeps the first `max` findings and counts all of them, so a hopeless file cannot exhaust memory. */
export class FindingList {
  readonly items: Finding[] = [];
  count = 0;

  constructor(private readonly max: number = MAX_FINDINGS) {}

  add(finding: Finding): void {
    this.count += 1;
    if (this.items.length >= this.max) return;
    const { value } = finding;
    this.items.push(
      value.length > MAX_VALUE_CHARS
        ? { ...finding, value: `${value.slice(0, MAX_VALUE_CHARS - 1)}…` }
        : finding,
    );
  }

  get isTruncated(): boolean {
    return this.count > this.items.length;
  }
}
