import {
  GetDatabasesCommand,
  GetPartitionsCommand,
  GetTableCommand,
  GetTablesCommand,
  type GlueClient,
  type Table,
} from '@aws-sdk/client-glue';
import { LakeError } from '@shared/errors';
import type { CatalogDatabase, PartitionPage, TableDetail, TableSummary } from '@shared/glue.schema';
import type { AwsCaller, KnownErrors } from '../aws-caller';
import { savedQueriesReading } from './pipeline-link';

const iso = (d: Date | undefined) => d?.toISOString();
const num = (s: string | undefined) =>
  s === undefined || s === '' || Number.isNaN(Number(s)) ? undefined : Number(s);

export const glueNotFound: KnownErrors = {
  EntityNotFoundException: (m) =>
    new LakeError('NOT_FOUND', `Glue: ${m}.`, 'Check the name, or refresh the list.'),
};

export function toSummary(t: Table): TableSummary {
  const p = t.Parameters ?? {};
  const sd = t.StorageDescriptor ?? {};
  const cols = (list: typeof sd.Columns) =>
    (list ?? []).map((c) => ({
      name: c.Name ?? '',
      type: c.Type ?? '',
      ...(c.Comment ? { comment: c.Comment } : {}),
    }));
  return {
    database: t.DatabaseName ?? '',
    name: t.Name ?? '',
    location: sd.Location ?? '',
    classification: p.classification ?? sd.Parameters?.classification ?? 'unknown',
    columns: cols(sd.Columns),
    partitionKeys: cols(t.PartitionKeys),
    ...(iso(t.UpdateTime ?? t.CreateTime) ? { updatedAt: iso(t.UpdateTime ?? t.CreateTime)! } : {}),
    ...(p.UPDATED_BY_CRAWLER ? { updatedByCrawler: p.UPDATED_BY_CRAWLER } : {}),
    ...(num(p.recordCount) !== undefined ? { recordCount: num(p.recordCount)! } : {}),
    ...(num(p.sizeKey) !== undefined ? { sizeBytes: num(p.sizeKey)! } : {}),
  };
}

function toDetail(t: Table): TableDetail {
  const summary = toSummary(t);
  return {
    ...summary,
    ...(t.TableType ? { tableType: t.TableType } : {}),
    ...(t.StorageDescriptor?.InputFormat ? { inputFormat: t.StorageDescriptor.InputFormat } : {}),
    ...(t.StorageDescriptor?.SerdeInfo?.SerializationLibrary
      ? { serde: t.StorageDescriptor.SerdeInfo.SerializationLibrary }
      : {}),
    parameters: { ...(t.Parameters ?? {}) },
    ...(iso(t.CreateTime) ? { createdAt: iso(t.CreateTime)! } : {}),
    ...(t.CreatedBy ? { createdBy: t.CreatedBy } : {}),
    savedQueries: savedQueriesReading([summary.name]),
  };
}

/** Every database of the catalog (all pages). */
export async function listDatabases(glue: GlueClient, caller: AwsCaller): Promise<CatalogDatabase[]> {
  const out: CatalogDatabase[] = [];
  let token: string | undefined;
  do {
    const page = await caller.call(
      'GetDatabases',
      () => glue.send(new GetDatabasesCommand({ NextToken: token })),
      {
        action: 'Listing the Glue databases',
      },
    );
    for (const d of page.DatabaseList ?? [])
      out.push({
        name: d.Name ?? '',
        ...(d.Description ? { description: d.Description } : {}),
        ...(d.LocationUri ? { locationUri: d.LocationUri } : {}),
        ...(iso(d.CreateTime) ? { createdAt: iso(d.CreateTime)! } : {}),
      });
    token = page.NextToken;
  } while (token);
  return out;
}

/** Every table of a database (all pages); Glue leaves out tables the role may not DESCRIBE. */
export async function tablesOf(glue: GlueClient, caller: AwsCaller, database: string): Promise<Table[]> {
  const out: Table[] = [];
  let token: string | undefined;
  do {
    const page = await caller.call(
      'GetTables',
      () => glue.send(new GetTablesCommand({ DatabaseName: database, NextToken: token })),
      { action: `Listing the tables of ${database}`, permission: 'DESCRIBE' },
      glueNotFound,
    );
    out.push(...(page.TableList ?? []));
    token = page.NextToken;
  } while (token);
  return out;
}

export async function getTable(
  glue: GlueClient,
  caller: AwsCaller,
  database: string,
  name: string,
): Promise<TableDetail> {
  const { Table: table } = await caller.call(
    'GetTable',
    () => glue.send(new GetTableCommand({ DatabaseName: database, Name: name })),
    { action: `Reading table ${database}.${name}`, table: `${database}.${name}`, permission: 'DESCRIBE' },
    glueNotFound,
  );
  if (!table) throw new LakeError('NOT_FOUND', `Glue returned no table ${database}.${name}.`);
  return toDetail(table);
}

export async function listPartitions(
  glue: GlueClient,
  caller: AwsCaller,
  q: { database: string; table: string; nextToken?: string; maxResults: number },
): Promise<PartitionPage> {
  const page = await caller.call(
    'GetPartitions',
    () =>
      glue.send(
        new GetPartitionsCommand({
          DatabaseName: q.database,
          TableName: q.table,
          NextToken: q.nextToken,
          MaxResults: q.maxResults,
        }),
      ),
    {
      action: `Listing the partitions of ${q.database}.${q.table}`,
      table: `${q.database}.${q.table}`,
      permission: 'DESCRIBE',
    },
    glueNotFound,
  );
  return {
    partitions: (page.Partitions ?? []).map((p) => ({
      values: p.Values ?? [],
      location: p.StorageDescriptor?.Location ?? '',
      ...(iso(p.CreationTime) ? { createdAt: iso(p.CreationTime)! } : {}),
    })),
    ...(page.NextToken ? { nextToken: page.NextToken } : {}),
  };
}
