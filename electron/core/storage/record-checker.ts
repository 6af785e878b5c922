import type { CsvError } from 'csv-parse';
import type { DatasetColumn, DatasetContract } from '@shared/storage.schema';
import { checkCell } from './cell-checks';
import type { CsvByteScanner } from './csv-byte-scanner';
import type { FindingList } from './finding-list';
import { checkHeader } from './header-check';

const LINE_BREAK = /\r\n|\r|\n/g;

/** Where a record sits in the file: the physical line of each field and of its last byte. */
export interface RecordPlace {
  fieldLines: number[];
  fieldBreaks: number[];
  endLine: number;
}

function countBreaks(value: string): number {
  if (!value.includes('\n') && !value.includes('\r')) return 0;
  return value.match(LINE_BREAK)?.length ?? 0;
}

/** Applies a contract's rules to parsed records, turning byte offsets into physical lines. */
export class RecordChecker {
  /** Data rows seen (the header not counted). */
  rows = 0;
  private names: readonly string[] = [];
  private columns: Array<DatasetColumn | undefined> = [];

  constructor(
    private readonly scanner: CsvByteScanner,
    private readonly findings: FindingList,
  ) {}

  /**
   * Finds a record's lines from the offset just past it: its last byte is on `lineAt(end - 1)`, and
   * only quoted values can hold line breaks, so counting them back gives each field's own line.
   */
  place(fields: readonly string[], endOffset: number): RecordPlace {
    const endLine = this.scanner.lineAt(Math.max(0, endOffset - 1));
    const fieldBreaks = fields.map(countBreaks);
    let line = endLine - fieldBreaks.reduce((a, b) => a + b, 0);
    const fieldLines = fieldBreaks.map((breaks) => {
      const at = line;
      line += breaks;
      return at;
    });
    return { fieldLines, fieldBreaks, endLine };
  }

  start(contract: DatasetContract, header: readonly string[]): void {
    this.names = header;
    this.columns = checkHeader(header, contract, this.findings);
  }

  check(fields: readonly string[], place: RecordPlace): void {
    this.rows += 1;
    this.claimEncoding(fields, place);
    const line = place.fieldLines[0] ?? place.endLine;
    if (fields.length !== this.names.length) {
      this.findings.add({
        line,
        column: '',
        rule: 'ragged',
        value: `${fields.length} fields, expected ${this.names.length}`,
        message: `Line ${line} has ${fields.length} fields where the header has ${this.names.length}: a value may be missing, or hold an unquoted comma.`,
      });
      return;
    }
    fields.forEach((value, i) => {
      const column = this.columns[i];
      const problem = column && checkCell(column, value);
      if (!column || !problem) return;
      this.findings.add({ line: place.fieldLines[i] ?? line, column: column.name, value, ...problem });
    });
  }

  /** A stretch the parser could not read as a record (an unclosed quote, an oversized record). */
  broken(line: number, error: CsvError): void {
    const isQuote = error.code === 'CSV_QUOTE_NOT_CLOSED';
    this.findings.add({
      line,
      column: '',
      rule: 'ragged',
      value: isQuote ? 'unclosed quote' : `unreadable record (${error.code})`,
      message: isQuote
        ? `A quoted value opened on line ${line} is never closed, so the rest of the file cannot be read as rows.`
        : `The record on line ${line} could not be read: ${error.message}`,
    });
  }

  /**
   * Reports the lines up to this record that hold invalid UTF-8, naming the column when the bad
   * bytes fall in one of its values (the parser shows them there as U+FFFD).
   */
  claimEncoding(fields: readonly string[], place: RecordPlace): void {
    for (const [line, byte] of this.scanner.takeBadLines(place.endLine)) {
      const i = fields.findIndex((value, k) => {
        const first = place.fieldLines[k] ?? 0;
        return line >= first && line <= first + (place.fieldBreaks[k] ?? 0) && value.includes('\uFFFD');
      });
      this.addEncoding(line, byte, i >= 0 ? (this.names[i] ?? '') : '', i >= 0 ? fields[i]! : byte);
    }
  }

  /** Reports invalid UTF-8 no record claimed (e.g. inside a stretch the parser skipped). */
  flushEncoding(): void {
    for (const [line, byte] of this.scanner.takeBadLines(Number.POSITIVE_INFINITY)) {
      this.addEncoding(line, byte, '', byte);
    }
  }

  private addEncoding(line: number, byte: string, column: string, value: string): void {
    this.findings.add({
      line,
      column,
      rule: 'encoding',
      value,
      message: `Line ${line} is not valid UTF-8 (byte ${byte}); the file was probably saved as Latin-1 or Windows-1252: save it as UTF-8.`,
    });
  }
}
