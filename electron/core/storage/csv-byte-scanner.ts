import { Transform, type TransformCallback } from 'node:stream';

const LF = 0x0a;
const CR = 0x0d;
/** Compact the line-break queue once this many consumed entries sit at its head. */
const COMPACT_AT = 4096;

/**
 * Sits in front of the CSV parser and passes bytes through unchanged, noting for each byte what
 * the parser cannot tell us reliably: which physical line it is on (csv-parse's `info.lines`
 * counts a CRLF inside quotes as two lines) and whether it is valid UTF-8 (the parser silently
 * turns bad bytes into U+FFFD). It keeps only the line breaks the parser has not reached yet, so
 * memory stays flat however long the file is.
 */
export class CsvByteScanner extends Transform {
  /** Bytes seen so far: the progress of a validation. */
  bytesRead = 0;
  /** Lines that hold invalid UTF-8 and that no record has claimed yet, with the first bad byte. */
  private readonly badLines = new Map<number, string>();
  /** Offsets where a new line starts, not yet consumed by {@link lineAt}. */
  private breaks: number[] = [];
  private head = 0;
  private consumedBreaks = 0;
  private totalBreaks = 0;
  private pendingCR = false;
  // UTF-8 decoder state (WHATWG "UTF-8 decode"): bytes still needed and the bounds of the next one.
  private needed = 0;
  private lower = 0x80;
  private upper = 0xbf;
  private lead = 0;

  constructor(private readonly onBytes?: (bytesRead: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const base = this.bytesRead;
    for (let i = 0; i < chunk.length; i += 1) {
      const byte = chunk[i]!;
      const offset = base + i;
      if (this.pendingCR) {
        this.pendingCR = false;
        // A lone CR ends a line (old Mac files); CRLF counts once, at the LF.
        if (byte !== LF) this.addBreak(offset);
      }
      if (this.needed === 0 && byte < 0x80) {
        if (byte === LF) this.addBreak(offset + 1);
        else if (byte === CR) this.pendingCR = true;
        continue;
      }
      this.decode(byte);
      if (byte === LF) this.addBreak(offset + 1);
      else if (byte === CR) this.pendingCR = true;
    }
    this.bytesRead += chunk.length;
    this.onBytes?.(this.bytesRead);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.needed > 0) this.markBad(this.lead);
    this.needed = 0;
    callback();
  }

  /** The 1-based physical line holding the byte at `offset`. Offsets must not go backwards. */
  lineAt(offset: number): number {
    while (this.head < this.breaks.length && this.breaks[this.head]! <= offset) {
      this.head += 1;
      this.consumedBreaks += 1;
    }
    if (this.head >= COMPACT_AT) {
      this.breaks = this.breaks.slice(this.head);
      this.head = 0;
    }
    return this.consumedBreaks + 1;
  }

  /** Removes and returns the lines up to `line` (inclusive) found to hold invalid UTF-8, in order. */
  takeBadLines(line: number): Array<[line: number, byte: string]> {
    const taken: Array<[number, string]> = [];
    for (const [bad, byte] of this.badLines) {
      if (bad > line) break;
      taken.push([bad, byte]);
      this.badLines.delete(bad);
    }
    return taken;
  }

  private addBreak(nextLineStart: number): void {
    this.breaks.push(nextLineStart);
    this.totalBreaks += 1;
  }

  private decode(byte: number): void {
    if (this.needed === 0) {
      this.start(byte);
      return;
    }
    if (byte < this.lower || byte > this.upper) {
      this.markBad(this.lead);
      this.needed = 0;
      // The byte that broke the sequence may begin a valid one of its own.
      if (byte >= 0x80) this.start(byte);
      return;
    }
    this.lower = 0x80;
    this.upper = 0xbf;
    this.needed -= 1;
  }

  private start(byte: number): void {
    this.lead = byte;
    this.lower = 0x80;
    this.upper = 0xbf;
    if (byte < 0x80) return;
    if (byte >= 0xc2 && byte <= 0xdf) this.needed = 1;
    else if (byte >= 0xe0 && byte <= 0xef) {
      this.needed = 2;
      if (byte === 0xe0) this.lower = 0xa0;
      if (byte === 0xed) this.upper = 0x9f;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      this.needed = 3;
      if (byte === 0xf0) this.lower = 0x90;
      if (byte === 0xf4) this.upper = 0x8f;
    } else {
      this.markBad(byte);
    }
  }

  private markBad(byte: number): void {
    const line = this.totalBreaks + 1;
    if (!this.badLines.has(line)) {
      this.badLines.set(line, `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`);
    }
  }
}
