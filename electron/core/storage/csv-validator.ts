import { createReadStream } from 'node:fs';
import { Readable, type Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, type CsvError } from 'csv-parse';
import type { DatasetContract, ValidationReport } from '@shared/storage.schema';
import { CsvByteScanner } from './csv-byte-scanner';
import { FindingList } from './finding-list';
import { RecordChecker } from './record-checker';

/**
 * Past this size one record is taken for an unclosed quote swallowing the file; without a cap the
 * parser would buffer the rest of the file in memory.
 */
const MAX_RECORD_BYTES = 8 * 1024 * 1024;

export interface ValidateCsvOptions {
  signal?: AbortSignal;
  /** How many findings to keep (all are counted); 10,000 unless set. */
  maxFindings?: number;
  /** Called as bytes are read, for a job's progress. */
  onProgress?: (bytesRead: number) => void;
}

/**
 * csv-parse set up to read what spreadsheets write and to hand every record (or unreadable
 * stretch) to the callbacks, synchronously and in file order. Nothing is passed downstream: the
 * byte scanner's line queue must be read in order, and nothing should pile up in a buffer.
 */
function csvParser(
  onRecord: (fields: string[], endOffset: number) => void,
  onBroken: (error: CsvError) => void,
): Transform {
  return parse({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_BYTES,
    // Files mix line ends when rows are appended by different tools; accept each kind per record.
    record_delimiter: ['\r\n', '\n', '\r'],
    on_record: (fields: string[], info) => {
      onRecord(fields, info.bytes);
      return null;
    },
    on_skip: (error: CsvError | undefined) => {
      if (error) onBroken(error);
      return undefined;
    },
  });
}

/** Chooses the contract for a header; undefined when the file is no known dataset. */
export type ContractPicker = (header: readonly string[]) => DatasetContract | undefined;

/**
 * Validates a CSV stream in one pass with flat memory, reporting every finding (DOMAIN.md
 * "Validation results"). The contract is picked once the header is read; when `pick` returns
 * undefined, reading stops and the result is undefined.
 */
export async function validateCsv(
  source: Readable,
  pick: ContractPicker,
  options: ValidateCsvOptions = {},
): Promise<ValidationReport | undefined> {
  const scanner = new CsvByteScanner(options.onProgress);
  const findings = new FindingList(options.maxFindings);
  const checker = new RecordChecker(scanner, findings);
  const stop = new AbortController();
  let contract: DatasetContract | undefined;
  let hasHeader = false;
  let lastEnd = 0;

  const takeHeader = (header: readonly string[]): void => {
    hasHeader = true;
    contract = pick(header);
    if (!contract) stop.abort();
    else checker.start(contract, header);
  };
  const parser = csvParser(
    (fields, endOffset) => {
      if (stop.signal.aborted) return;
      const place = checker.place(fields, endOffset);
      lastEnd = endOffset;
      if (hasHeader) {
        checker.check(fields, place);
      } else {
        checker.claimEncoding(fields, place);
        takeHeader(fields);
      }
    },
    (error) => {
      if (!stop.signal.aborted) checker.broken(scanner.lineAt(lastEnd), error);
    },
  );
  const signals = options.signal ? [options.signal, stop.signal] : [stop.signal];
  const sink = new Writable({ objectMode: true, write: (_chunk, _encoding, done) => done() });
  try {
    await pipeline(source, scanner, parser, sink, { signal: AbortSignal.any(signals) });
  } catch (error) {
    if (stop.signal.aborted && !options.signal?.aborted) return undefined;
    throw error;
  }
  if (!hasHeader) takeHeader([]);
  if (!contract) return undefined;
  checker.flushEncoding();
  return {
    ok: findings.count === 0,
    rows: checker.rows,
    dataset: contract.name,
    errors: findings.items,
    truncated: findings.isTruncated,
    findingCount: findings.count,
  };
}

/** Validates a file on disk against one contract. */
export async function validateCsvFile(
  path: string,
  contract: DatasetContract,
  options: ValidateCsvOptions = {},
): Promise<ValidationReport> {
  const report = await validateCsv(createReadStream(path), () => contract, options);
  // A fixed picker always returns its contract, so the report always exists.
  return report!;
}

/** Validates bytes held in memory (a dropped file); undefined when `pick` knows no dataset for it. */
export async function validateCsvBytes(
  data: Uint8Array,
  pick: ContractPicker,
  options: ValidateCsvOptions = {},
): Promise<ValidationReport | undefined> {
  return validateCsv(Readable.from([data]), pick, options);
}
