import { StepRuns, DEFAULT_EMR_TIMINGS, type EmrTimings, type StepFailure } from './emr-step-runs';
import { emrService } from './emr-service';
import { EmrStore, newCluster, type ClusterRecord } from './emr-store';
import { CrawlerRuns, DEFAULT_CRAWL_TIMINGS, type CrawlTimings } from './glue-crawler-runs';
import { glueService } from './glue-service';
import { GlueStore } from './glue-store';
import type { IdentityStore } from './identity-store';
import { lakeFormationService } from './lake-formation-service';
import { LakePermissions, type LakeDenial } from './lake-permissions';
import type { S3Data } from './s3-data';
import type { ServiceDefinition } from './service-server';

/** Glue, Lake Formation and EMR of the emulator: what a test may tune. */
export interface PipelineOptions {
  crawlTimings?: Partial<CrawlTimings>;
  emrTimings?: Partial<EmrTimings>;
  /** ListClusters / ListSteps page size (EMR's is 50). */
  emrPageSize?: number;
  /** Seed the `lake` database, crawlers over the lake buckets and two EMR clusters. Default true. */
  seed?: boolean;
}

/** The pipeline's state and its failure injection, for tests and for `npm run emulator`. */
export interface EmulatorPipeline {
  glue: GlueStore;
  emr: EmrStore;
  permissions: LakePermissions;
  crawls: CrawlerRuns;
  steps: StepRuns;
  /** The seeded long-running cluster (WAITING, LogUri under s3://lake-curated/emr-logs/). */
  clusterId: string;
  /** The next run of `crawler` ends FAILED with `message`. */
  failNextCrawl(crawler: string, message: string): void;
  /** The next step (of one cluster, or any) ends FAILED with this message and stderr. */
  failNextStep(failure: StepFailure): void;
  /** Takes a Lake Formation permission away (reset with `permissions.reset()`). */
  deny(denial: LakeDenial): void;
  addCluster(def: Pick<ClusterRecord, 'Name' | 'LogUri'> & Partial<ClusterRecord>): ClusterRecord;
  /** Resolves once no crawl or step is in flight. */
  idle(timeoutMs?: number): Promise<void>;
  close(): void;
}

const DAY = 86_400;

/** The role EMR steps run as (the clusters' EC2 instance profile). */
export const EMR_INSTANCE_ROLE = 'EMR_EC2_DefaultRole';

function seed(glue: GlueStore, emr: EmrStore): string {
  glue.addDatabase('lake', 's3://lake-raw/', 'Finance data lake: raw uploads, crawled');
  glue.addCrawler({
    Name: 'lake-raw',
    Role: 'AWSGlueServiceRole-lake',
    DatabaseName: 'lake',
    Targets: { S3Targets: [{ Path: 's3://lake-raw/' }] },
  });
  glue.addCrawler({
    Name: 'lake-landing',
    Role: 'AWSGlueServiceRole-lake',
    DatabaseName: 'lake',
    TablePrefix: 'landing_',
    Targets: { S3Targets: [{ Path: 's3://lake-landing/incoming/', Exclusions: ['**/_tmp/**'] }] },
    Schedule: { ScheduleExpression: 'cron(0 2 * * ? *)', State: 'SCHEDULED' },
  });
  const old = newCluster(
    { Name: 'nightly-gross-profit', LogUri: 's3://lake-curated/emr-logs/', AutoTerminate: true },
    'TERMINATED',
  );
  const t = old.Status.Timeline;
  Object.assign(t, {
    CreationDateTime: t.CreationDateTime - 3 * DAY,
    ReadyDateTime: t.CreationDateTime - 3 * DAY + 420,
    EndDateTime: t.CreationDateTime - 3 * DAY + 2400,
  });
  old.Status.StateChangeReason = { Code: 'ALL_STEPS_COMPLETED', Message: 'Steps completed' };
  old.InstanceCollectionType = 'INSTANCE_FLEET';
  old.instanceGroups = [];
  old.instanceFleets = [
    {
      Id: 'if-MASTER0001',
      Name: 'Primary',
      InstanceFleetType: 'MASTER',
      TargetOnDemandCapacity: 1,
      TargetSpotCapacity: 0,
      ProvisionedOnDemandCapacity: 0,
      ProvisionedSpotCapacity: 0,
      InstanceTypeSpecifications: [{ InstanceType: 'm5.xlarge', WeightedCapacity: 1 }],
      Status: { State: 'TERMINATED' },
    },
    {
      Id: 'if-CORE00001',
      Name: 'Core',
      InstanceFleetType: 'CORE',
      TargetOnDemandCapacity: 0,
      TargetSpotCapacity: 4,
      ProvisionedOnDemandCapacity: 0,
      ProvisionedSpotCapacity: 0,
      InstanceTypeSpecifications: [{ InstanceType: 'r5.2xlarge', WeightedCapacity: 1 }],
      Status: { State: 'TERMINATED' },
    },
  ];
  emr.add(old);
  const live = newCluster({
    Name: 'finance-etl',
    LogUri: 's3://lake-curated/emr-logs/',
    Tags: [{ Key: 'team', Value: 'finance' }],
  });
  live.Status.Timeline.CreationDateTime -= 2 * 3600;
  live.Status.Timeline.ReadyDateTime = live.Status.Timeline.CreationDateTime + 480;
  return emr.add(live).Id;
}

/** Builds the pipeline services on the emulator's shared framework; they read S3 through `s3()`. */
export function createPipeline(
  identity: IdentityStore,
  options: PipelineOptions,
  s3: () => S3Data | undefined,
): { pipeline: EmulatorPipeline; services: ServiceDefinition[] } {
  const glue = new GlueStore();
  const emr = new EmrStore();
  const permissions = new LakePermissions();
  const crawls = new CrawlerRuns(glue, s3, { ...DEFAULT_CRAWL_TIMINGS, ...options.crawlTimings });
  // Steps read the tables as the cluster's instance role, so a Lake Formation denial for it fails them.
  const readTable = (db: string, name: string) => {
    permissions.check(EMR_INSTANCE_ROLE, db, name, 'SELECT');
    return glue.table(db, name);
  };
  const steps = new StepRuns(emr, readTable, s3, { ...DEFAULT_EMR_TIMINGS, ...options.emrTimings });
  const clusterId = options.seed === false ? '' : seed(glue, emr);
  const pipeline: EmulatorPipeline = {
    glue,
    emr,
    permissions,
    crawls,
    steps,
    clusterId,
    failNextCrawl: (crawler, message) => crawls.failNext(crawler, message),
    failNextStep: (failure) => steps.failNext(failure),
    deny: (denial) => permissions.deny(denial),
    addCluster: (def) => emr.add(newCluster(def)),
    async idle(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (crawls.isBusy() || steps.isBusy()) {
        if (Date.now() > deadline) throw new Error(`The pipeline was still busy after ${timeoutMs} ms.`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close() {
      crawls.close();
      steps.close();
    },
  };
  return {
    pipeline,
    services: [
      glueService(glue, crawls, identity, permissions),
      lakeFormationService(glue, identity, permissions),
      emrService(emr, steps, options.emrPageSize ?? 50),
    ],
  };
}
