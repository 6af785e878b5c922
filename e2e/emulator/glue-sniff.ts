import { parse } from 'csv-parse/sync';
import { nowSeconds, type CrawlerRecord, type GlueColumn, type GlueTable } from './glue-store';
import type { S3Data, S3Entry } from './s3-data';

/** A table a crawler finds under one S3 target: a folder of CSV files, maybe `key=value` partitioned. */
export interface SniffedTable {
  name: string;
  location: string;
  columns: GlueColumn[];
  partitionKeys: GlueColumn[];
  partitions: Array<{ values: string[]; location: string }>;
  files: number;
  sizeBytes: number;
  recordCount: number;
}

const SAMPLE_ROWS = 1000;

/** Glue-style exclusion globs (`**` crosses folders, `*` does not), relative to the target. */
function globToRegExp(glob: string): RegExp {
  // One pass, so the `*` inside a `**` is not turned into a one-folder wildcard as well.
  const body = glob.replace(/\*\*|\*|\?|[.+^${}()|[\]\\]/g, (t) =>
    t === '**' ? '.*' : t === '*' ? '[^/]*' : t === '?' ? '.' : `\\${t}`,
  );
  return new RegExp(`^${body}$`);
}

/** The Glue type of a sampled CSV column, as the built-in CSV classifier would call it. */
function inferType(values: string[]): string {
  const present = values.filter((v) => v !== '');
  if (present.length === 0) return 'string';
  if (present.every((v) => /^-?\d{1,18}$/.test(v))) return 'bigint';
  if (present.every((v) => /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v))) return 'double';
  if (present.every((v) => /^(true|false)$/i.test(v))) return 'boolean';
  return 'string';
}

/** Columns of a CSV file from its header and a sample of its rows. */
export function sniffCsv(text: string): { columns: GlueColumn[]; rows: number } {
  const records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  const [header = [], ...rows] = records;
  const sample = rows.slice(0, SAMPLE_ROWS);
  const columns = header.map((name, i) => ({
    Name: name
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9_]/g, '_'),
    Type: inferType(sample.map((r) => r[i] ?? '')),
  }));
  return { columns, rows: rows.length };
}

const tableNameOf = (folder: string) => folder.toLowerCase().replace(/[^a-z0-9_]/g, '_');

interface Group {
  name: string;
  location: string;
  files: S3Entry[];
  partitions: Map<string, { values: string[]; keys: string[]; location: string }>;
}

function groupByTable(prefix: string, base: string, entries: S3Entry[], exclusions: RegExp[]): Group[] {
  const groups = new Map<string, Group>();
  for (const entry of entries) {
    const rel = entry.key.slice(prefix.length);
    const parts = rel.split('/');
    const file = parts.at(-1) ?? '';
    if (!file || file.startsWith('_') || file.startsWith('.') || !/\.csv$/i.test(file)) continue;
    if (exclusions.some((e) => e.test(rel))) continue;
    const inFolder = parts.length > 1;
    const folder = inFolder ? parts[0]! : (prefix.split('/').filter(Boolean).at(-1) ?? 'table');
    const location = inFolder ? `${base}${folder}/` : base;
    const group: Group = groups.get(location) ?? {
      name: tableNameOf(folder),
      location,
      files: [],
      partitions: new Map(),
    };
    group.files.push(entry);
    const pairs = parts.slice(inFolder ? 1 : 0, -1).map((p) => p.split('='));
    if (pairs.length > 0 && pairs.every((p) => p.length === 2)) {
      const dir = `${location}${parts.slice(1, -1).join('/')}/`;
      group.partitions.set(dir, {
        keys: pairs.map((p) => p[0]!),
        values: pairs.map((p) => p[1]!),
        location: dir,
      });
    }
    groups.set(location, group);
  }
  return [...groups.values()];
}

/** The tables under one crawler target (`s3://bucket/prefix/`), sniffed from their first CSV file. */
export async function sniffTarget(
  s3: S3Data,
  target: string,
  exclusions: string[] = [],
): Promise<SniffedTable[]> {
  const base = target.endsWith('/') ? target : `${target}/`;
  const prefix = base.replace(/^s3:\/\/[^/]+\//, '');
  const root = base.slice(0, base.length - prefix.length);
  const read = async (key: string) => sniffCsv((await s3.get(`${root}${key}`)).toString('utf8'));
  const entries = await s3.list(base);
  const tables: SniffedTable[] = [];
  for (const group of groupByTable(prefix, base, entries, exclusions.map(globToRegExp))) {
    const first = group.files[0]!;
    const { columns } = await read(first.key);
    let recordCount = 0;
    for (const f of group.files) recordCount += (await read(f.key)).rows;
    const partitions = [...group.partitions.values()];
    const keys = partitions[0]?.keys ?? [];
    tables.push({
      name: group.name,
      location: group.location,
      columns: columns.filter((c) => !keys.includes(c.Name)),
      partitionKeys: keys.map((k) => ({ Name: k, Type: 'string' })),
      partitions: partitions.map(({ values, location }) => ({ values, location })),
      files: group.files.length,
      sizeBytes: group.files.reduce((t, f) => t + f.size, 0),
      recordCount,
    });
  }
  return tables;
}

/** The Glue table a crawler writes for a sniffed folder (as a real crawler fills it in). */
export function tableFrom(
  crawler: CrawlerRecord,
  found: SniffedTable,
  existing: GlueTable | undefined,
): GlueTable {
  const now = nowSeconds();
  return {
    Name: `${crawler.TablePrefix ?? ''}${found.name}`,
    DatabaseName: crawler.DatabaseName,
    CreateTime: existing?.CreateTime ?? now,
    UpdateTime: now,
    TableType: 'EXTERNAL_TABLE',
    CreatedBy: `arn:aws:sts::000000000000:assumed-role/${crawler.Role}/AWS-Crawler`,
    StorageDescriptor: {
      Columns: found.columns,
      Location: found.location,
      InputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
      OutputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
      SerdeInfo: {
        SerializationLibrary: 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe',
        Parameters: { 'field.delim': ',' },
      },
      Parameters: { classification: 'csv', 'skip.header.line.count': '1' },
    },
    PartitionKeys: found.partitionKeys,
    Parameters: {
      classification: 'csv',
      UPDATED_BY_CRAWLER: crawler.Name,
      recordCount: String(found.recordCount),
      sizeKey: String(found.sizeBytes),
      objectCount: String(found.files),
      delimiter: ',',
      'skip.header.line.count': '1',
      CrawlerSchemaSerializerVersion: '1.0',
    },
  };
}
