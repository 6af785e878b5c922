import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  type BundleChecksums,
  type BundleManifest,
} from '@shared/bundle-manifest.schema';
import type { JobProgress } from '@shared/jobs.schema';
import { produceFileAtomic } from '../../atomic-file';
import { cancelledError } from '../../errors';
import { DuckDbQueryEngine } from '../../engine/duckdb-query-engine';
import { quoteIdent } from '../../engine/sql-text';
import type { BundleContent } from './bundle-content';
import { drawCharts, type DrawnChart } from './bundle-charts';
import { membersOf, sha256File, type StagedMember } from './bundle-members';
import { MANIFEST, CHECKSUMS, SUMMARY_PDF } from './bundle-names';
import { writeSummaryPdf } from './summary-pdf';
import { stageTable, type StagedTable } from './table-stager';
import { writeZip, type ZipInput } from './zip-archive';

/** Rows of each table the PDF summary prints; the bundle's data holds them all. */
const PDF_ROWS = 200;

export interface WriteBundleOptions {
  content: BundleContent;
  /** Where the bundle goes; written to a temp file beside it and renamed. */
  target: string;
  appVersion: string;
  signal: AbortSignal;
  progress?: (p: JobProgress) => void;
}

function manifestOf(
  options: WriteBundleOptions,
  tables: StagedTable[],
  charts: DrawnChart[],
  notes: string[],
  createdAt: Date,
): Omit<BundleManifest, 'members'> {
  const { content } = options;
  return {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    title: content.title,
    kind: content.kind,
    createdAt: createdAt.toISOString(),
    appVersion: options.appVersion,
    workspace: content.workspace,
    queries: content.queries,
    tables: tables.map((t) => ({
      name: t.name,
      title: t.title,
      columns: t.columns,
      rowCount: t.rowCount,
      parquet: `data/${t.name}.parquet`,
      csv: `data/${t.name}.csv`,
    })),
    charts: charts.map((c) => c.entry),
    highlights: content.highlights,
    notes,
    summaryPdf: SUMMARY_PDF,
  };
}

async function stageAll(
  engine: DuckDbQueryEngine,
  dir: string,
  options: WriteBundleOptions,
): Promise<StagedTable[]> {
  const { content, signal, progress } = options;
  const staged: StagedTable[] = [];
  try {
    for (const [i, source] of content.tables.entries()) {
      const message = `table ${i + 1} of ${content.tables.length}: ${source.name}`;
      progress?.({ done: 0, unit: 'rows', message });
      staged.push(
        await stageTable(engine, dir, source, signal, (rows) =>
          progress?.({ done: rows, unit: 'rows', message }),
        ),
      );
    }
  } finally {
    await content.release();
  }
  return staged;
}

async function writeSummary(
  engine: DuckDbQueryEngine,
  dir: string,
  manifest: Omit<BundleManifest, 'members'>,
  tables: StagedTable[],
  charts: DrawnChart[],
): Promise<string> {
  const previews = await Promise.all(
    tables.map(async (t) => ({
      title: t.title,
      columns: t.columns,
      rowCount: t.rowCount,
      rows: (await engine.queryExact(`SELECT * FROM ${quoteIdent(t.name)} LIMIT ${PDF_ROWS}`)).rows,
    })),
  );
  const pdf = join(dir, SUMMARY_PDF);
  await writeSummaryPdf(pdf, {
    manifest,
    charts: charts.map((c) => ({ title: c.entry.title, ...c })),
    tables: previews,
  });
  return pdf;
}

/** Writes manifest.json and checksums.json (SHA-256 of every member and the manifest); their files. */
async function writeEnvelope(
  dir: string,
  manifest: BundleManifest,
  members: StagedMember[],
): Promise<ZipInput[]> {
  const manifestFile = join(dir, MANIFEST);
  await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  const checksums: BundleChecksums = {
    algorithm: 'SHA-256',
    files: { [MANIFEST]: await sha256File(manifestFile) },
  };
  for (const m of members) checksums.files[m.path] = await sha256File(m.file);
  const checksumsFile = join(dir, CHECKSUMS);
  await writeFile(checksumsFile, `${JSON.stringify(checksums, null, 2)}\n`);
  return [
    { name: MANIFEST, file: manifestFile, compress: true },
    { name: CHECKSUMS, file: checksumsFile, compress: true },
  ];
}

/**
 * Writes a report bundle: the tables as Parquet and CSV, the charts as spec and PNG, a PDF summary,
 * manifest.json, and checksums.json over all of them; zipped to a temp file, then renamed into place.
 */
export async function writeBundle(options: WriteBundleOptions): Promise<BundleManifest> {
  const { content, signal, progress } = options;
  const dir = await mkdtemp(join(tmpdir(), 'lakedesk-bundle-'));
  const engine = await DuckDbQueryEngine.create(dir);
  try {
    const tables = await stageAll(engine, dir, options);
    const notes = [...content.notes, ...tables.flatMap((t) => t.notes)];
    progress?.({ done: 0, message: 'drawing the charts and the PDF summary' });
    const charts = await drawCharts(engine, dir, content.charts, notes);
    const createdAt = new Date();
    const base = manifestOf(options, tables, charts, notes, createdAt);
    const pdf = await writeSummary(engine, dir, base, tables, charts);
    progress?.({ done: 0, message: 'checksums and zip' });
    const members = await membersOf(tables, charts, pdf);
    const manifest: BundleManifest = { ...base, members: members.map(({ file: _file, ...m }) => m) };
    const envelope = await writeEnvelope(dir, manifest, members);
    // Parquet, PNG and PDF are compressed already: stored as they are, they zip fast and open fast.
    const data = members.map((m) => ({
      name: m.path,
      file: m.file,
      compress: m.role === 'data-csv' || m.role === 'chart-spec',
    }));
    if (signal.aborted) throw cancelledError();
    await produceFileAtomic(options.target, (temp) => writeZip(temp, [...envelope, ...data], createdAt));
    progress?.({ done: 1, total: 1 });
    return manifest;
  } finally {
    await engine.close();
    await rm(dir, { recursive: true, force: true });
  }
}
