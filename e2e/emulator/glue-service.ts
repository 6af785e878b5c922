import type { CrawlerRuns } from './glue-crawler-runs';
import { crawlerWire, nowSeconds, type CrawlerRecord, type GlueStore } from './glue-store';
import type { IdentityStore } from './identity-store';
import { callerOfRequest, type LakePermissions } from './lake-permissions';
import { awsJson, json, ServiceError, type EmulatorRequest } from './protocols';
import type { ServiceDefinition } from './service-server';

type Body = Record<string, unknown>;
const bodyOf = (req: EmulatorRequest): Body =>
  req.body.length ? (JSON.parse(req.body.toString('utf8')) as Body) : {};
const str = (body: Body, key: string): string => {
  const value = body[key];
  if (typeof value !== 'string' || !value)
    throw new ServiceError(400, 'InvalidInputException', `${key} is required`);
  return value;
};

/** A page from a base64 offset token, as Glue's NextToken/MaxResults behave. */
function paged<T>(items: T[], body: Body, max = 100): { items: T[]; NextToken?: string } {
  const start = Number(Buffer.from(String(body.NextToken ?? ''), 'base64').toString() || '0');
  const size = Math.min(Number(body.MaxResults ?? max) || max, 1000);
  const end = start + size;
  return {
    items: items.slice(start, end),
    ...(end < items.length ? { NextToken: Buffer.from(String(end)).toString('base64') } : {}),
  };
}

/** Glue's GetTables Expression: a regular expression on the name (bad patterns match as text). */
function nameFilter(expression: unknown): (name: string) => boolean {
  if (typeof expression !== 'string' || !expression) return () => true;
  try {
    const re = new RegExp(expression, 'i');
    return (name) => re.test(name);
  } catch {
    return (name) => name.includes(expression.toLowerCase());
  }
}

function metricsOf(c: CrawlerRecord) {
  const finished = c.history.filter((h) => h.EndTime !== undefined);
  const last = finished.at(-1);
  const runtimes = finished.map((h) => h.EndTime! - h.StartTime).sort((a, b) => a - b);
  const median = runtimes.length ? runtimes[Math.floor((runtimes.length - 1) / 2)]! : 0;
  const running = c.history.at(-1)?.State === 'RUNNING' ? c.history.at(-1) : undefined;
  return {
    CrawlerName: c.Name,
    TimeLeftSeconds: running ? Math.max(0, median - (nowSeconds() - running.StartTime)) : 0,
    StillEstimating: Boolean(running) && runtimes.length === 0,
    LastRuntimeSeconds: last ? last.EndTime! - last.StartTime : 0,
    MedianRuntimeSeconds: median,
    TablesCreated: c.lastCounts.created,
    TablesUpdated: c.lastCounts.updated,
    TablesDeleted: c.lastCounts.deleted,
  };
}

function createCrawler(store: GlueStore, body: Body): void {
  const targets = (body.Targets ?? {}) as { S3Targets?: Array<{ Path: string; Exclusions?: string[] }> };
  if (!targets.S3Targets?.length)
    throw new ServiceError(400, 'InvalidInputException', 'Targets.S3Targets is required');
  store.database(str(body, 'DatabaseName'));
  store.addCrawler({
    Name: str(body, 'Name'),
    Role: str(body, 'Role'),
    DatabaseName: str(body, 'DatabaseName'),
    Targets: { S3Targets: targets.S3Targets },
    ...(typeof body.Description === 'string' ? { Description: body.Description } : {}),
    ...(typeof body.TablePrefix === 'string' ? { TablePrefix: body.TablePrefix } : {}),
    ...(typeof body.Schedule === 'string' && body.Schedule
      ? { Schedule: { ScheduleExpression: body.Schedule, State: 'SCHEDULED' as const } }
      : {}),
  });
}

/** AWS Glue (awsJson 1.1, `AWSGlue.<Operation>`): the Data Catalog and crawlers. */
export function glueService(
  store: GlueStore,
  runs: CrawlerRuns,
  identity: IdentityStore,
  permissions: LakePermissions,
): ServiceDefinition {
  const role = (req: EmulatorRequest) => callerOfRequest(identity, req).roleName;
  const visible = (req: EmulatorRequest, db: string) => {
    const r = role(req);
    return (name: string) => permissions.effective(r, db, name).permissions.includes('DESCRIBE');
  };
  return {
    name: 'glue',
    protocol: awsJson,
    operations: {
      GetDatabases: (req) => {
        const page = paged([...store.databases.values()], bodyOf(req));
        return json({ DatabaseList: page.items, ...(page.NextToken ? { NextToken: page.NextToken } : {}) });
      },
      GetDatabase: (req) => json({ Database: store.database(str(bodyOf(req), 'Name')) }),
      CreateDatabase: (req) => {
        const input = (bodyOf(req).DatabaseInput ?? {}) as Body;
        if (store.databases.has(str(input, 'Name')))
          throw new ServiceError(400, 'AlreadyExistsException', 'Database already exists.');
        store.addDatabase(
          str(input, 'Name'),
          input.LocationUri as string | undefined,
          input.Description as string | undefined,
        );
        return json({});
      },
      GetTables: (req) => {
        const body = bodyOf(req);
        const db = str(body, 'DatabaseName');
        const [match, allowed] = [nameFilter(body.Expression), visible(req, db)];
        const tables = [...store.tablesOf(db).values()].filter((t) => match(t.Name) && allowed(t.Name));
        const page = paged(tables, body);
        return json({ TableList: page.items, ...(page.NextToken ? { NextToken: page.NextToken } : {}) });
      },
      GetTable: (req) => {
        const body = bodyOf(req);
        const table = store.table(str(body, 'DatabaseName'), str(body, 'Name'));
        permissions.check(role(req), table.DatabaseName, table.Name, 'DESCRIBE');
        return json({ Table: table });
      },
      GetPartitions: (req) => {
        const body = bodyOf(req);
        const [db, name] = [str(body, 'DatabaseName'), str(body, 'TableName')];
        permissions.check(role(req), db, name, 'DESCRIBE');
        const page = paged(store.partitionsOf(db, name), body);
        return json({ Partitions: page.items, ...(page.NextToken ? { NextToken: page.NextToken } : {}) });
      },
      GetCrawlers: (req) => {
        const page = paged([...store.crawlers.values()], bodyOf(req));
        return json({
          Crawlers: page.items.map(crawlerWire),
          ...(page.NextToken ? { NextToken: page.NextToken } : {}),
        });
      },
      GetCrawler: (req) => json({ Crawler: crawlerWire(store.crawler(str(bodyOf(req), 'Name'))) }),
      GetCrawlerMetrics: (req) => {
        const body = bodyOf(req);
        const names = (body.CrawlerNameList as string[] | undefined) ?? [...store.crawlers.keys()];
        const list = names.filter((n) => store.crawlers.has(n)).map((n) => metricsOf(store.crawler(n)));
        const page = paged(list, body);
        return json({
          CrawlerMetricsList: page.items,
          ...(page.NextToken ? { NextToken: page.NextToken } : {}),
        });
      },
      ListCrawls: (req) => {
        const body = bodyOf(req);
        const runsNewestFirst = [...store.crawler(str(body, 'CrawlerName')).history].reverse();
        const page = paged(runsNewestFirst, body, 20);
        return json({ Crawls: page.items, ...(page.NextToken ? { NextToken: page.NextToken } : {}) });
      },
      StartCrawler: (req) => (runs.start(str(bodyOf(req), 'Name')), json({})),
      StopCrawler: (req) => (runs.stop(str(bodyOf(req), 'Name')), json({})),
      CreateCrawler: (req) => (createCrawler(store, bodyOf(req)), json({})),
    },
  };
}
