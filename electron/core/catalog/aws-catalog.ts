import type { GlueClient } from '@aws-sdk/client-glue';
import type { LakeFormationClient } from '@aws-sdk/client-lakeformation';
import type {
  CatalogDatabase,
  Crawler,
  CrawlerMatch,
  CrawlRun,
  PartitionPage,
  TableChange,
  TableDetail,
  TablePage,
  TablePermissions,
} from '@shared/glue.schema';
import { AwsCaller } from '../aws-caller';
import { createGlueClient, createLakeFormationClient, type ClientTarget } from '../aws-clients';
import * as control from './aws-glue-crawler-control';
import * as crawlers from './aws-glue-crawlers';
import { searchTables, tablesChangedBy } from './aws-glue-search';
import * as tables from './aws-glue-tables';
import { tablePermissions } from './aws-lake-permissions';
import type { CatalogTables, PartitionQuery, TableQuery } from './catalog.provider';
import { crawlersCovering } from './pipeline-link';

/** Who the catalog calls go out as: the workspace's organisation and role. */
export interface AwsIdentity {
  organisation: string;
  roleName: string;
}

/** An AWS workspace's catalog: Glue tables and crawlers, Lake Formation permissions. */
export class AwsCatalog implements CatalogTables {
  readonly kind = 'aws' as const;
  private readonly glue: GlueClient;
  private readonly lf: LakeFormationClient;
  private readonly glueCaller: AwsCaller;
  private readonly lfCaller: AwsCaller;

  constructor(targets: { glue: ClientTarget; lakeformation: ClientTarget }, who: AwsIdentity) {
    this.glue = createGlueClient(targets.glue);
    this.lf = createLakeFormationClient(targets.lakeformation);
    this.glueCaller = new AwsCaller('Glue', who.roleName, who.organisation, targets.glue.endpoint);
    this.lfCaller = new AwsCaller(
      'Lake Formation',
      who.roleName,
      who.organisation,
      targets.lakeformation.endpoint,
    );
  }

  listDatabases(): Promise<CatalogDatabase[]> {
    return tables.listDatabases(this.glue, this.glueCaller);
  }

  searchTables(query: TableQuery): Promise<TablePage> {
    return searchTables(this.glue, this.glueCaller, query);
  }

  getTable(database: string, name: string): Promise<TableDetail> {
    return tables.getTable(this.glue, this.glueCaller, database, name);
  }

  listPartitions(query: PartitionQuery): Promise<PartitionPage> {
    return tables.listPartitions(this.glue, this.glueCaller, query);
  }

  /** The role's effective Lake Formation permissions on a table, missing ones explained. */
  tablePermissions(database: string, table: string): Promise<TablePermissions> {
    return tablePermissions({ client: this.glue, caller: this.glueCaller }, this.lf, this.lfCaller, {
      database,
      table,
    });
  }

  listCrawlers(): Promise<Crawler[]> {
    return crawlers.listCrawlers(this.glue, this.glueCaller);
  }

  getCrawler(name: string): Promise<Crawler> {
    return crawlers.getCrawler(this.glue, this.glueCaller, name);
  }

  crawlHistory(name: string, max: number): Promise<CrawlRun[]> {
    return crawlers.crawlHistory(this.glue, this.glueCaller, name, max);
  }

  startCrawler(name: string): Promise<void> {
    return control.startCrawler(this.glue, this.glueCaller, name);
  }

  stopCrawler(name: string): Promise<void> {
    return control.stopCrawler(this.glue, this.glueCaller, name);
  }

  createCrawler(spec: control.NewCrawler): Promise<void> {
    return control.createCrawler(this.glue, this.glueCaller, spec);
  }

  /** The crawlers whose S3 targets cover an uploaded prefix. */
  async crawlersForPrefix(s3Uri: string): Promise<CrawlerMatch[]> {
    return crawlersCovering(await this.listCrawlers(), s3Uri);
  }

  /** The tables a crawler created or updated since a time (the end of the pipeline link). */
  tablesChangedBy(crawler: Crawler, since: Date): Promise<TableChange[]> {
    return tablesChangedBy(this.glue, this.glueCaller, crawler, since);
  }

  close(): void {
    this.glue.destroy();
    this.lf.destroy();
  }
}
