import type { EMRClient } from '@aws-sdk/client-emr';
import type { S3Client } from '@aws-sdk/client-s3';
import type {
  ClusterDetail,
  ClusterSummary,
  ClusterTemplate,
  Step,
  StepLog,
  StepOutput,
  StepState,
} from '@shared/emr.schema';
import { AwsCaller } from '../aws-caller';
import { createEmrClient, createS3Client, type ClientTarget } from '../aws-clients';
import type { AwsIdentity } from '../catalog/aws-catalog';
import * as clusters from './aws-emr-clusters';
import { runJobFlow } from './aws-emr-launch';
import * as steps from './aws-emr-steps';
import { S3Objects } from './aws-s3-objects';
import { grossProfitCode } from './gross-profit-step';
import { decodeLog, LOG_NOT_YET, stepLogUri } from './step-log';

/** An AWS workspace's EMR: clusters and steps, their logs and outputs on S3. */
export class AwsClusters {
  private readonly emr: EMRClient;
  private readonly s3: S3Client;
  private readonly emrCaller: AwsCaller;
  readonly objects: S3Objects;

  constructor(targets: { emr: ClientTarget; s3: ClientTarget }, who: AwsIdentity) {
    this.emr = createEmrClient(targets.emr);
    this.s3 = createS3Client(targets.s3);
    this.emrCaller = new AwsCaller('EMR', who.roleName, who.organisation, targets.emr.endpoint);
    this.objects = new S3Objects(
      this.s3,
      new AwsCaller('S3', who.roleName, who.organisation, targets.s3.endpoint),
    );
  }

  listClusters(q: {
    filter: 'active' | 'terminated' | 'all';
    nextToken?: string;
  }): Promise<{ clusters: ClusterSummary[]; nextToken?: string }> {
    return clusters.listClusters(this.emr, this.emrCaller, q);
  }

  getCluster(clusterId: string): Promise<ClusterDetail> {
    return clusters.getCluster(this.emr, this.emrCaller, clusterId);
  }

  launch(template: ClusterTemplate): Promise<ClusterSummary> {
    return runJobFlow(this.emr, this.emrCaller, template);
  }

  listSteps(q: {
    clusterId: string;
    states?: StepState[];
    nextToken?: string;
  }): Promise<{ steps: Step[]; nextToken?: string }> {
    return steps.listSteps(this.emr, this.emrCaller, q);
  }

  getStep(clusterId: string, stepId: string): Promise<Step> {
    return steps.getStep(this.emr, this.emrCaller, clusterId, stepId);
  }

  addStep(clusterId: string, name: string, args: string[]): Promise<string> {
    return steps.addStep(this.emr, this.emrCaller, clusterId, name, args);
  }

  cancelStep(clusterId: string, stepId: string): Promise<void> {
    return steps.cancelStep(this.emr, this.emrCaller, clusterId, stepId);
  }

  /**
   * Puts the job's code under `prefix`, skipping files already there with the same content (their
   * sha256 is kept in the object's metadata), so resubmitting costs no upload.
   */
  async uploadCode(prefix: string): Promise<{ uploaded: string[]; reused: string[] }> {
    const uploaded: string[] = [];
    const reused: string[] = [];
    for (const f of grossProfitCode()) {
      const uri = `${prefix}${f.name}`;
      if ((await this.objects.sha256Of(uri)) === f.sha256) {
        reused.push(uri);
        continue;
      }
      await this.objects.put(uri, Buffer.from(f.text, 'utf8'), f.sha256, f.contentType);
      uploaded.push(uri);
    }
    return { uploaded, reused };
  }

  /** A step's log from the cluster's LogUri, gunzipped, its tail when long. */
  async stepLog(clusterId: string, stepId: string, log: StepLog['log'], tailBytes: number): Promise<StepLog> {
    const { logUri } = await this.getCluster(clusterId);
    const base = { clusterId, stepId, log };
    if (!logUri) return { ...base, uri: '', found: false, text: '', truncated: false, hint: LOG_NOT_YET };
    const uri = stepLogUri(logUri, clusterId, stepId, log);
    const bytes = await this.objects.get(uri);
    if (!bytes) return { ...base, uri, found: false, text: '', truncated: false, hint: LOG_NOT_YET };
    return { ...base, uri, found: true, ...decodeLog(bytes, tailBytes) };
  }

  /** The output's CSV files once a gross-profit step completed (none listed if S3 refuses the listing). */
  async outputFiles(output: StepOutput): Promise<StepOutput> {
    // The step's end matters more than the listing: a role without s3:ListBucket still sees it done.
    const all = await this.objects.list(output.csv).catch(() => []);
    return { ...output, files: all.filter((uri) => /\.csv$/i.test(uri)) };
  }

  close(): void {
    this.emr.destroy();
    this.s3.destroy();
  }
}
